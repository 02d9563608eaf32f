import type { ContentBundle } from '../src/domain/bundle.js';
import type { Concept } from '../src/domain/concept.js';

const SUFFIXES_KO = [
  '변형',
  '응용',
  '심화',
  '기초',
  '사례',
  '실습',
  '개요',
  '비교',
  '확장',
  '정리',
];
const SUFFIXES_EN = [
  'variant',
  'applied',
  'advanced',
  'basics',
  'cases',
  'practice',
  'overview',
  'comparison',
  'extended',
  'notes',
];

/** The words that vary copy `copy`'s texts (Korean, English), so copies read differently. */
export function copySuffix(copy: number): { ko: string; en: string } {
  return {
    ko: SUFFIXES_KO[copy % SUFFIXES_KO.length]!,
    en: SUFFIXES_EN[copy % SUFFIXES_EN.length]!,
  };
}

/**
 * The course scaled `factor` times: every concept is copied with a numbered slug and terms,
 * aliases and texts varied by a suffix, so the index sees realistic, distinct vocabulary.
 */
export function scaleContent(bundle: ContentBundle, factor: number): Concept[] {
  const concepts: Concept[] = [...bundle.concepts];
  for (let copy = 1; copy < factor; copy++) {
    const { ko, en } = copySuffix(copy);
    for (const concept of bundle.concepts) {
      concepts.push({
        ...concept,
        slug: `${concept.slug}-${copy}`,
        term: {
          ko: `${concept.term.ko} ${ko} ${copy}`,
          en: `${concept.term.en ?? concept.term.ko} ${en} ${copy}`,
        },
        aliases: concept.aliases.map((alias) => `${alias} ${copy}`),
        summary: {
          ko: `${concept.summary.ko} (${ko} ${copy})`,
          en: `${concept.summary.en ?? ''} (${en} ${copy})`,
        },
      });
    }
  }
  return concepts;
}
