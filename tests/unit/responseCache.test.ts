// The response cache's bookkeeping (src/http/responseCache/responseCache.ts): an answer is
// served while the public revision of the locales it reads is the content's, and answers that
// a new revision outdates are dropped (not merely left unreachable), per locale.
import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../src/domain/locale.js';
import { CachedResponse } from '../../src/http/responseCache/cachedResponse.js';
import { ResponseCache, type ServedContent } from '../../src/http/responseCache/responseCache.js';

// Content at some public revisions: per locale, and of the whole (drafts aside).
function content(ko: number, en: number, epoch = 'e1'): ServedContent {
  return {
    epoch,
    revisionFor: (_audience, locales?: readonly Locale[]) => {
      const revs = { ko, en };
      return locales ? Math.max(...locales.map((l) => revs[l])) : Math.max(ko, en);
    },
  };
}

const request = (url: string) => ({ method: 'GET', url, headers: {} }) as IncomingMessage;
const answer = () => new CachedResponse(200, {}, Buffer.from('{}'), undefined);

// Keeps one answer per locale set, made from `made`.
function filled(made: ServedContent) {
  const cache = new ResponseCache(1 << 20);
  const keys = {
    en: cache.keyOf(request('/en'), 'ko'),
    ko: cache.keyOf(request('/ko'), 'ko'),
    both: cache.keyOf(request('/both'), 'ko'),
    unsaid: cache.keyOf(request('/unsaid'), 'ko'),
  };
  cache.set(keys.en, answer(), made, new Set<Locale>(['en']));
  cache.set(keys.ko, answer(), made, new Set<Locale>(['ko']));
  cache.set(keys.both, answer(), made, new Set<Locale>(['ko', 'en']));
  cache.set(keys.unsaid, answer(), made, undefined);
  const served = (now: ServedContent) =>
    Object.entries(keys)
      .filter(([, key]) => cache.get(key, now) !== undefined)
      .map(([name]) => name);
  return { cache, served };
}

describe('ResponseCache', () => {
  it('serves every answer while nothing moved', () => {
    const { served, cache } = filled(content(3, 3));
    expect(served(content(3, 3))).toEqual(['en', 'ko', 'both', 'unsaid']);
    expect(cache.count).toBe(4);
  });

  it('keeps the English answer through a Korean-only change, and drops the others', () => {
    const { served, cache } = filled(content(3, 3));
    expect(served(content(4, 3))).toEqual(['en']);
    expect(cache.count).toBe(1);
  });

  it('drops every answer that reads English when the English moves', () => {
    const { served } = filled(content(3, 3));
    expect(served(content(3, 4))).toEqual(['ko']);
  });

  it('drops everything for another store history', () => {
    const { served, cache } = filled(content(3, 3));
    expect(served(content(3, 3, 'e2'))).toEqual([]);
    expect(cache.count).toBe(0);
  });

  it('keys requests by the locale Accept-Language negotiates', () => {
    const cache = new ResponseCache(1 << 20);
    expect(cache.keyOf(request('/x'), 'en')).not.toBe(cache.keyOf(request('/x'), 'ko'));
  });
});
