// Per-field locale fallback: the translation when there is one, else Korean, recorded by path.
import type { GraphQLResolveInfo } from 'graphql';
import { LocaleFallbackRecorder } from '../../src/graphql/localeFallbacks.js';

// The part of GraphQLResolveInfo the recorder reads: the response path, as a linked list.
function infoAt(...path: (string | number)[]): GraphQLResolveInfo {
  let node: { prev: unknown; key: string | number; typename: undefined } | undefined;
  for (const key of path) node = { prev: node, key, typename: undefined };
  return { path: node } as unknown as GraphQLResolveInfo;
}

describe('LocaleFallbackRecorder', () => {
  it('serves the requested translation and records nothing', () => {
    const recorder = new LocaleFallbackRecorder();
    expect(recorder.text({ ko: '인코더', en: 'Encoder' }, 'en', infoAt('concept', 'term'))).toBe(
      'Encoder',
    );
    expect(recorder.text({ ko: '인코더', en: 'Encoder' }, 'ko', infoAt('concept', 'term'))).toBe(
      '인코더',
    );
    expect(recorder.toExtension()).toBeUndefined();
  });

  it('falls back to Korean and records the path, with list indexes', () => {
    const recorder = new LocaleFallbackRecorder();
    expect(
      recorder.text({ ko: '인코더' }, 'en', infoAt('concepts', 'edges', 0, 'node', 'term')),
    ).toBe('인코더');
    expect(
      recorder.texts([{ ko: '가', en: 'A' }, { ko: '나' }], 'en', infoAt('concept', 'examples')),
    ).toEqual(['A', '나']);
    expect(recorder.toExtension()).toEqual({
      total: 2,
      fallbacks: [
        { path: 'concepts.edges.0.node.term', requested: 'en', served: 'ko' },
        { path: 'concept.examples.1', requested: 'en', served: 'ko' },
      ],
    });
  });

  it('bounds what it lists on huge responses but still counts every fallback', () => {
    const recorder = new LocaleFallbackRecorder();
    for (let i = 0; i < 500; i++) recorder.text({ ko: '가' }, 'en', infoAt('concepts', i, 'term'));
    const extension = recorder.toExtension()!;
    expect(extension.total).toBe(500);
    expect(extension.fallbacks).toHaveLength(200);
  });
});
