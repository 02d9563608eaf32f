import { ReadModel } from '../../src/content/readModel.js';
import { withoutMeta } from '../../src/content/entries.js';
import type { Concept } from '../../src/domain/concept.js';
import type { ContentStore } from '../../src/store/contentStore.js';
import { bundle, category, concept, memoryStoreWith } from './contentFixtures.js';

/** The Korean definition of `encoder` its English was made from. */
export const OLD_DEFINITION = '입력을 벡터로 바꾸는 <부분> & 그 표현.';
/** The Korean definition of `encoder` after the edit that outdated its English. */
export const NEW_DEFINITION = '입력 시퀀스를 벡터 표현으로 바꾸는 부분.';

/**
 * A memory store with translators' work: `encoder`'s Korean definition was edited after its
 * English was made (OUTDATED, version 2), and `decoder` has a detail without English (MISSING,
 * version 1); every other text is CURRENT. With a read model following it.
 */
export async function storeWithWork() {
  const store = await memoryStoreWith(
    bundle({
      categories: [category('fundamentals', 1)],
      concepts: [
        concept('encoder', 'fundamentals', {
          definition: { ko: OLD_DEFINITION, en: 'The part that turns input into vectors.' },
          examples: [{ ko: '번역기의 앞부분', en: 'The first half of a translator' }],
        }),
        concept('decoder', 'fundamentals', {
          details: [
            { title: { ko: '생성', en: 'Generation' }, text: { ko: '한 줄\n\n두 줄' } },
          ] as Concept['details'],
        }),
        concept('gemini', 'fundamentals'),
      ],
    }),
  );
  const readModel = new ReadModel(store, { ttlMs: 0 });
  await rewriteKoreanDefinition(store, () => NEW_DEFINITION);
  return { store, readModel, documents: (await readModel.refresh()).documents };
}

/**
 * Rewrites `encoder`'s Korean definition straight in the store (its English untouched, so it
 * becomes OUTDATED); returns the version it was at before.
 */
export async function rewriteKoreanDefinition(
  store: ContentStore,
  rewrite: (ko: string) => string,
): Promise<number> {
  const encoder = (await new ReadModel(store, { ttlMs: 0 }).refresh()).documents.concepts.get(
    'encoder',
  )!;
  const data = withoutMeta(encoder);
  await store.commit([
    {
      op: 'put',
      collection: 'concepts',
      id: 'encoder',
      data: { ...data, definition: { ...data.definition, ko: rewrite(data.definition.ko) } },
      expectedVersion: encoder.version,
    },
  ]);
  return encoder.version;
}
