import { EVENT_NAMES } from './changeEvent.js';

/**
 * Whether an event name (`concept.updated`) matches any of a webhook's patterns: an exact name,
 * or `*` for either part (`concept.*`, `*.published`); a lone `*` matches everything.
 */
export function matchesFilter(eventName: string, patterns: readonly string[]): boolean {
  const [type, action] = eventName.split('.');
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    const [wantType, wantAction] = pattern.split('.');
    return (wantType === '*' || wantType === type) && (wantAction === '*' || wantAction === action);
  });
}

/**
 * The indexes of patterns that match no known event name: a typo (`concept.update`) would
 * otherwise subscribe to nothing, silently.
 */
export function unknownPatterns(patterns: readonly string[]): number[] {
  return patterns.flatMap((pattern, index) =>
    EVENT_NAMES.some((name) => matchesFilter(name, [pattern])) ? [] : [index],
  );
}
