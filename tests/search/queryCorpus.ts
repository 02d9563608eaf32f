import { disassemble, assemble } from 'es-hangul';
import type { Concept } from '../../src/domain/concept.js';
import { words } from '../../src/search/normalize.js';
import { RELEVANCE_SET } from './relevanceSet.js';

/** A query of the corpus and what kind of query it is. */
export interface CorpusQuery {
  query: string;
  kind: string;
}

// A small deterministic generator (mulberry32), so the corpus is the same on every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One typo: a letter dropped, doubled, or two neighbours swapped.
function typo(word: string, pick: () => number): string {
  const letters = [...word];
  if (letters.length < 3) return word;
  const at = 1 + Math.floor(pick() * (letters.length - 2));
  const kind = Math.floor(pick() * 3);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) letters.splice(at, 0, letters[at]!);
  else [letters[at], letters[at - 1]] = [letters[at - 1]!, letters[at]!];
  return letters.join('');
}

// One wrong vowel or final in a Korean word (트랜스포머 → 트랜스퍼머), as learners type it.
function jamoTypo(word: string, pick: () => number): string {
  const syllables = [...word].filter((c) => /[\uAC00-\uD7A3]/.test(c));
  if (syllables.length < 2) return word;
  const vowels = ['ㅏ', 'ㅓ', 'ㅗ', 'ㅜ', 'ㅡ', 'ㅣ', 'ㅐ', 'ㅔ'];
  const letters = [...word];
  const at = letters.findIndex((c, i) => /[\uAC00-\uD7A3]/.test(c) && i > 0);
  if (at < 0) return word;
  const parts = [...disassemble(letters[at]!)];
  const vowel = parts.findIndex((p) => vowels.includes(p));
  if (vowel < 0) return word;
  parts[vowel] = vowels[(vowels.indexOf(parts[vowel]!) + 1 + Math.floor(pick() * 6)) % 8]!;
  try {
    letters[at] = assemble(parts);
  } catch {
    return word;
  }
  return letters.join('');
}

const INITIALS = [
  'ㄱ',
  'ㄲ',
  'ㄴ',
  'ㄷ',
  'ㄸ',
  'ㄹ',
  'ㅁ',
  'ㅂ',
  'ㅃ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅉ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
const initialsOf = (text: string) =>
  [...text]
    .filter((c) => /[\uAC00-\uD7A3]/.test(c))
    .map((c) => INITIALS[Math.floor((c.charCodeAt(0) - 0xac00) / 588)]!)
    .join('');

/**
 * Queries over a course, every kind a learner types: the relevance set, and per concept its
 * terms and aliases whole, in part (a prefix, a middle), with a typo (letters, or a Korean
 * vowel), as initial consonants, and words of its texts (Korean and English, singular and
 * plural, with particles), plus a few common words and short queries. Deterministic.
 */
export function queryCorpus(concepts: readonly Concept[], perConcept = 1): CorpusQuery[] {
  const pick = random(18);
  const queries: CorpusQuery[] = RELEVANCE_SET.map(({ query, kind }) => ({ query, kind }));
  const add = (query: string, kind: string) => {
    if (query.trim() !== '' && query.length <= 200) queries.push({ query, kind });
  };
  for (const concept of concepts) {
    for (let round = 0; round < perConcept; round++) {
      const names = [concept.term.ko, concept.term.en ?? '', ...concept.aliases].filter(Boolean);
      const name = names[Math.floor(pick() * names.length)]!;
      add(name, 'name');
      add(name.toLowerCase().replace(/[\s-]+/g, ''), 'name-folded');
      add(name.slice(0, Math.max(2, Math.ceil(name.length / 2))), 'prefix');
      if (name.length > 4) add(name.slice(1, -1), 'partial');
      add(typo(name.toLowerCase(), pick), 'typo');
      add(jamoTypo(concept.term.ko, pick), 'jamo');
      const initials = initialsOf(concept.term.ko);
      if (initials.length >= 2) add(initials, 'choseong');
      add(`${concept.term.ko}는`, 'particle');
      const texts = [concept.summary.ko, concept.summary.en ?? '', concept.definition.ko];
      const textWords = texts.flatMap((t) => words(t)).filter((w) => w.length >= 2);
      if (textWords.length > 0) {
        const a = textWords[Math.floor(pick() * textWords.length)]!;
        const b = textWords[Math.floor(pick() * textWords.length)]!;
        add(a, 'text-word');
        add(`${a} ${b}`, 'text-words');
        add(typo(a, pick), 'text-typo');
      }
    }
  }
  for (const common of [
    '모델',
    '학습',
    '데이터',
    'model',
    'models',
    'the',
    'a',
    'ai',
    'query',
    'data',
    'modality',
    'ability',
    '모',
    'ㅁ',
    'ㅁㄷ',
    'LLM 모델',
    'gpt4',
    '미세',
    '언어 모델을',
    'language models are',
  ]) {
    add(common, 'common');
  }
  return queries;
}
