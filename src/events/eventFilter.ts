import { EVENT_NAMES } from '../domain/changeEvent.js';
import { AppError, ErrorCode } from '../errors.js';

/**
 * Whether an event name (`concept.updated`) matches a filter pattern: a name, or `*` for either
 * part (`concept.*`, `*.published`), or `*` alone for everything.
 */
export function matchesPattern(name: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const [type, action] = name.split('.');
  const [wantType, wantAction = '*'] = pattern.split('.');
  return (wantType === '*' || wantType === type) && (wantAction === '*' || wantAction === action);
}

/** Whether any of the patterns matches the event name. */
export function matchesFilter(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesPattern(name, pattern));
}

/**
 * The patterns that match no event at all (a typo such as `concepts.updated`): a filter naming
 * one is refused rather than silently never firing.
 */
export function unknownPatterns(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => !EVENT_NAMES.some((name) => matchesPattern(name, pattern)));
}

/**
 * A predicate for a filter given by a client, after refusing patterns that match nothing
 * (BAD_USER_INPUT at `path`, naming each and the known names' form).
 */
export function acceptsEvent(
  patterns: readonly string[],
  path: (string | number)[],
): (name: string) => boolean {
  const unknown = unknownPatterns(patterns);
  if (unknown.length > 0 || patterns.length === 0 || patterns.length > 50) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      patterns.length === 0 || patterns.length > 50
        ? `An event filter names 1 to 50 patterns; got ${patterns.length}.`
        : `No event is named like ${unknown.map((p) => JSON.stringify(p)).join(', ')}: use <type>.<action> with * for either (types: category, concept, relation, comparison, lesson; actions: created, updated, deleted, published, unpublished).`,
      unknown.length > 0
        ? unknown.map((pattern) => ({
            path: [...path, patterns.indexOf(pattern)],
            message: `matches no event: ${pattern}`,
          }))
        : [{ path, message: '1 to 50 patterns' }],
    );
  }
  return (name) => matchesFilter(name, patterns);
}
