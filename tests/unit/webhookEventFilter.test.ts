import { EVENT_NAMES } from '../../src/domain/changeEvent.js';
import { matchesFilter, unknownPatterns } from '../../src/domain/eventFilter.js';

describe('matchesFilter', () => {
  it('matches exact names and * for either part', () => {
    expect(matchesFilter('concept.updated', ['concept.updated'])).toBe(true);
    expect(matchesFilter('concept.updated', ['concept.created'])).toBe(false);
    expect(matchesFilter('concept.updated', ['concept.*'])).toBe(true);
    expect(matchesFilter('lesson.updated', ['concept.*'])).toBe(false);
    expect(matchesFilter('lesson.published', ['*.published'])).toBe(true);
    expect(matchesFilter('lesson.deleted', ['*.published'])).toBe(false);
    expect(matchesFilter('lesson.deleted', ['*.*'])).toBe(true);
    expect(matchesFilter('lesson.deleted', ['*'])).toBe(true);
    expect(matchesFilter('lesson.deleted', ['concept.*', 'lesson.deleted'])).toBe(true);
  });

  it('does not treat a lone type as a prefix', () => {
    expect(matchesFilter('concept.updated', ['concept'])).toBe(false);
    expect(matchesFilter('concept.updated', ['conc*'])).toBe(false);
  });

  it('a lone * matches every known event name', () => {
    expect(EVENT_NAMES.every((name) => matchesFilter(name, ['*']))).toBe(true);
  });
});

describe('unknownPatterns', () => {
  it('names the patterns that match no event, by index', () => {
    expect(
      unknownPatterns([
        'concept.updated',
        'concept.update',
        '*.published',
        'glossary.*',
        'concept',
      ]),
    ).toEqual([1, 3, 4]);
    expect(unknownPatterns(['*', '*.*', 'relation.*'])).toEqual([]);
  });
});
