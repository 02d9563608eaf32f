// Accept-Language negotiation: the best supported locale, else Korean.
import { negotiateLocale } from '../../src/http/negotiateLocale.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ko'],
    ['', 'ko'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['ko-KR,ko;q=0.9,en;q=0.8', 'ko'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr', 'ko'],
    ['*', 'ko'],
    ['en;q=0.2, ko;q=0.9', 'ko'],
    ['garbage;;;q=x', 'ko'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
