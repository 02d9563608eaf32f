import { matchesFilter, unknownPatterns } from '../domain/eventFilter.js';
import { AppError, ErrorCode } from '../errors.js';

/**
 * A predicate for an event filter a client gives (the feed's `events`), after refusing patterns
 * that match no event (a typo would otherwise select nothing, silently): BAD_USER_INPUT naming
 * each at `path`, with the form names take.
 */
export function acceptsEvent(
  patterns: readonly string[],
  path: (string | number)[],
): (name: string) => boolean {
  if (patterns.length === 0 || patterns.length > 50) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `An event filter names 1 to 50 patterns; got ${patterns.length}.`,
      [{ path, message: '1 to 50 patterns' }],
    );
  }
  const unknown = unknownPatterns(patterns);
  if (unknown.length > 0) {
    const names = unknown.map((index) => JSON.stringify(patterns[index]));
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `No event is named like ${names.join(', ')}: use <type>.<action>, * for either (types: category, concept, relation, comparison, lesson; actions: created, updated, deleted, published, unpublished).`,
      unknown.map((index) => ({ path: [...path, index], message: 'matches no event' })),
    );
  }
  return (name) => matchesFilter(name, patterns);
}
