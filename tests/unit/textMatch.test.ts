// The scan matches a text's tokens without making them (ScannedText): for every text of the
// course and a few made to be awkward, and every term a lookup can ask for there (each token and
// each of its prefixes, and pieces of the text that are no token), it must say what the text's
// real tokens (textTokens, what the inverted index holds) say.
import { defaultSeedDir } from '../../src/paths.js';
import { textTokens } from '../../src/search/indexTokens.js';
import { clean, isAsciiOrSyllables } from '../../src/search/normalize.js';
import { searchEntryOf } from '../../src/search/searchEntries.js';
import { readsSyllablesOnly, ScannedText } from '../../src/search/textMatch.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';

const AWKWARD = [
  // English plurals whose singular does not begin the word, and irregular ones.
  'Queries, data and leaves: the modalities people have; mice, feet, indices and analyses.',
  // Words of other letters run on into Latin and Hangul ("éabc모델" is one word).
  'café éabc모델 naïve résumé Ωmega 모델Ω',
  // Scripts side by side, digits, particles, compatibility jamo, full-width letters.
  'LLM의 튜닝, fine-tuning! GPT4o는 모델2 2모델 ㅋㅋ모델 ㅎ ＡＢＣ의 미세 조정을',
  '트랜스포머는 트랜스포머의 인코더와 디코더가 모델을 모델은',
  'x y 의 은 a b',
];

// Each term once: tokens, their prefixes, and two- to four-letter pieces from anywhere.
function termsOf(lower: string, tokens: Set<string>): Set<string> {
  const terms = new Set<string>();
  for (const token of tokens) {
    for (let end = 1; end <= token.length; end++) terms.add(token.slice(0, end));
  }
  const letters = [...lower];
  for (let at = 0; at < letters.length; at += 3) {
    for (const size of [2, 3, 4])
      terms.add(
        letters
          .slice(at, at + size)
          .join('')
          .trim(),
      );
  }
  terms.delete('');
  return terms;
}

describe('ScannedText', () => {
  it('finds exactly the tokens, and the tokens a term begins, that the index holds', async () => {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    const texts = [
      ...bundle.concepts.flatMap((c) => searchEntryOf(c).texts.map((t) => t.lower)),
      ...AWKWARD.map(clean),
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const lower of texts) {
      const tokens = new Set(textTokens(lower));
      const prefixes = new Set([...tokens].flatMap((t) => [...t].map((_, i) => t.slice(0, i + 1))));
      const scanned = new ScannedText(lower);
      for (const term of termsOf(lower, tokens)) {
        for (const prefix of [true, false]) {
          const expected = prefix ? prefixes.has(term) : tokens.has(term);
          if (scanned.has(term, prefix) !== expected) {
            wrong.push(`${JSON.stringify(term)} (prefix: ${prefix}) in ${JSON.stringify(lower)}`);
          }
          checked++;
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });

  it('finds English singulars that do not begin their word, and words that start mid-run', () => {
    const text = new ScannedText(clean(AWKWARD[0]!));
    expect(text.has('query', true)).toBe(true);
    expect(text.has('datum', true)).toBe(true);
    expect(text.has('modality', true)).toBe(true);
    expect(text.has('uer', true)).toBe(false);
    const mixed = new ScannedText(clean(AWKWARD[1]!));
    // "éabc모델" is one word: neither "abc" nor "모델" begins one there; "모델Ω" does.
    expect(mixed.has('abc', true)).toBe(false);
    expect(mixed.has('모델', true)).toBe(true);
    expect(new ScannedText(clean('éabc모델')).has('모델', true)).toBe(true); // as a bigram
    expect(new ScannedText(clean('éabc모델이다')).has('모델이', true)).toBe(false);
    expect(new ScannedText(clean('abc모델이다')).has('모델이', true)).toBe(true);
  });

  it('answers for Hangul terms from a text of ASCII and syllables as written as from it cleaned', async () => {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    const written = [
      ...bundle.concepts.flatMap((c) => searchEntryOf(c).texts.map((t) => t.text)),
      'ABC모델 LLM의 튜닝 GPT4o는 모델2 2모델 X모델 x모델 Fine-Tuning모델을',
    ].filter(isAsciiOrSyllables);
    const wrong: string[] = [];
    let checked = 0;
    for (const text of written) {
      const asWritten = new ScannedText(text);
      const cleaned = new ScannedText(clean(text));
      const terms = new Set(
        text.match(/[\uAC00-\uD7A3]{2,}/g)?.flatMap((w) => [w, w.slice(0, 2), w.slice(1)]),
      );
      for (const term of terms) {
        for (const prefix of [true, false]) {
          if (!readsSyllablesOnly(term, prefix)) continue;
          if (asWritten.has(term, prefix) !== cleaned.has(term, prefix))
            wrong.push(`${term} in ${text}`);
          checked++;
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    // Latin terms read letters' case: not so.
    expect(readsSyllablesOnly('llm', true)).toBe(false);
    expect(readsSyllablesOnly('모델', false)).toBe(true);
    expect(readsSyllablesOnly('트랜스포머', false)).toBe(false);
  });
});
