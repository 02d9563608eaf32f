import { disassemble, getChoseong } from 'es-hangul';
import pluralize from 'pluralize';
import { boundedMemo } from './boundedMemo.js';

// Korean particles learners leave on a word (트랜스포머는, 모델을), longest first so 에서 wins over 서.
const PARTICLES = [
  '에서부터',
  '으로부터',
  '에게서',
  '한테서',
  '이라고',
  '까지',
  '부터',
  '에서',
  '에게',
  '한테',
  '으로',
  '이나',
  '이랑',
  '처럼',
  '보다',
  '만큼',
  '라고',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '나',
  '랑',
];
const HANGUL = /\p{Script=Hangul}/u;
const HANGUL_SYLLABLES = /^[\uAC00-\uD7A3]+$/;
const CHOSEONG_ONLY = /^[\u3131-\u314E]+$/;
/** Words are runs of one script, so "LLM의" splits into "llm" and "의" (see `words`). */
export const WORD_PATTERN = /[a-z0-9]+|\p{Script=Hangul}+|[\p{L}\p{N}]+/u;
const WORD = new RegExp(WORD_PATTERN.source, 'gu');

/**
 * Case, width and compatibility folded (NFKC, lower case). Hangul compatibility jamo (ㅍ, as
 * typed in an initial-consonant query) are left alone: NFKC would turn them into conjoining jamo.
 */
export function clean(text: string): string {
  // ASCII and Hangul syllables are their own NFKC form: most names and texts need no call.
  if (!BEYOND_ASCII_AND_SYLLABLES.test(text)) return text.toLowerCase();
  // Without compatibility jamo the whole text is one run: normalized in one call.
  if (!COMPATIBILITY_JAMO.test(text)) return text.normalize('NFKC').toLowerCase();
  return text.replace(/[^\u3131-\u318E]+/g, (run) => run.normalize('NFKC')).toLowerCase();
}

/** True when the text is only ASCII and Hangul syllables (then `clean` only lower-cases it). */
export function isAsciiOrSyllables(text: string): boolean {
  return !BEYOND_ASCII_AND_SYLLABLES.test(text);
}

// A code unit that is neither ASCII nor a Hangul syllable (surrogates included).
const BEYOND_ASCII_AND_SYLLABLES = /[\u0080-\uABFF\uD7A4-\uFFFF]/;
const COMPATIBILITY_JAMO = /[\u3131-\u318E]/;

/** The folded key of a text: cleaned, with spaces, hyphens and punctuation removed (미세 조정 = 미세조정). */
export function fold(text: string): string {
  return foldCleaned(clean(text));
}

/** `fold` of a text already cleaned (see `clean`). */
export function foldCleaned(cleaned: string): string {
  // Of ASCII (lower case, once cleaned) and Hangul syllables, the letters and digits are these.
  if (!BEYOND_ASCII_AND_SYLLABLES.test(cleaned))
    return cleaned.replace(/[^a-z0-9\uAC00-\uD7A3]+/g, '');
  return cleaned.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a text, cleaned. */
export function words(text: string): string[] {
  return wordsOfCleaned(clean(text));
}

/** `words` of a text already cleaned (see `clean`). */
export function wordsOfCleaned(cleaned: string): string[] {
  // Of ASCII (lower case, once cleaned) and Hangul syllables, the words are runs of these: a
  // regular expression without Unicode properties finds them several times faster.
  if (!BEYOND_ASCII_AND_SYLLABLES.test(cleaned)) return cleaned.match(ASCII_OR_SYLLABLE_WORD) ?? [];
  return cleaned.match(WORD) ?? [];
}

const ASCII_OR_SYLLABLE_WORD = /[a-z0-9]+|[\uAC00-\uD7A3]+/g;

/**
 * `foldCleaned(clean(text))` and `words(text)` at once: a search before the index is built
 * makes them for every name. Of ASCII and Hangul syllables, the folded text is its words
 * joined (both keep exactly its letters and digits, in order), so one pass finds both.
 */
export function foldedWords(text: string): { folded: string; words: string[] } {
  if (BEYOND_ASCII_AND_SYLLABLES.test(text)) {
    const cleaned = clean(text);
    return { folded: foldCleaned(cleaned), words: wordsOfCleaned(cleaned) };
  }
  const found = text.toLowerCase().match(ASCII_OR_SYLLABLE_WORD) ?? [];
  return { folded: found.join(''), words: found };
}

/**
 * The forms a query word may stand for: itself, without a trailing Korean particle, and the
 * English singular. Forms shorter than two characters are dropped (a lone particle means nothing).
 * Remembered: every word of every text is asked for (the index's tokens), as for jamo.
 */
export const wordForms: (word: string) => readonly string[] = boundedMemo(100_000, formsOf);

function formsOf(word: string): string[] {
  const forms = new Set([word]);
  if (HANGUL_SYLLABLES.test(word)) {
    const particle = PARTICLES.find((p) => word.endsWith(p) && word.length - p.length >= 2);
    if (particle) forms.add(word.slice(0, -particle.length));
  } else if (/^[a-z]+$/.test(word) && word.length >= 3) {
    forms.add(pluralize.singular(word));
  }
  const kept = [...forms].filter((form) => form.length >= 2);
  if (kept.length > 0) return kept;
  return PARTICLES.includes(word) ? [] : [word];
}

/** True when the text is only Hangul initial consonants (ㅍㄹㅍㅌ), spaces aside. */
export function isChoseongQuery(text: string): boolean {
  return CHOSEONG_ONLY.test(text.replace(/\s+/g, ''));
}

/**
 * The initial consonants of the Hangul syllables in a folded text (프롬프트디자인 →
 * ㅍㄹㅍㅌㄷㅈㅇ); '' when none. As es-hangul's `getChoseong` of the syllables, read from the
 * syllable's code (a choseong query reads every name's: getChoseong normalizes each to NFD).
 */
export function choseongOf(folded: string): string {
  let initials = '';
  for (let at = 0; at < folded.length; at++) {
    const syllable = folded.charCodeAt(at) - 0xac00;
    if (syllable >= 0 && syllable < SYLLABLE_COUNT)
      initials += INITIALS[Math.floor(syllable / SYLLABLES_PER_INITIAL)]!;
  }
  return initials;
}

// The 19 initial consonants in the order of the syllables' codes, as compatibility jamo.
const INITIALS = getChoseong('가까나다따라마바빠사싸아자짜차카타파하');
const SYLLABLES_PER_INITIAL = 21 * 28;

/** The text with Hangul syllables split into jamo, so one wrong vowel is one edit (트랜스퍼머). */
export function jamo(text: string): string {
  if (!HANGUL.test(text)) return text;
  // es-hangul's `disassemble` of a text is that of each of its characters in turn: kept per
  // character, it costs a lookup per character (names keep theirs, see NameEntry.jamo).
  let result = '';
  for (const char of text) result += charJamo(char);
  return result;
}

/**
 * `jamo(text).length`, without making it: a jamo lookup compares lengths before it compares
 * jamo, and most of the names a scan reads are too long or too short for the query.
 */
export function jamoLength(text: string): number {
  if (!HANGUL.test(text)) return text.length;
  let length = 0;
  for (const char of text) length += charJamo(char).length;
  return length;
}

function charJamo(char: string): string {
  const syllable = char.charCodeAt(0) - 0xac00;
  if (syllable >= 0 && syllable < SYLLABLE_COUNT) {
    return (syllableJamo[syllable] ??= disassemble(char));
  }
  return otherJamo(char);
}

const SYLLABLE_COUNT = 11_172;
const syllableJamo: (string | undefined)[] = new Array<string | undefined>(SYLLABLE_COUNT);
// Other characters met (jamo, and whatever else a text with Hangul holds, queries included).
const otherJamo = boundedMemo(10_000, disassemble);

/** Syllable bigrams of the Hangul runs of a folded text (미세조정 → 미세 세조 조정). */
export function hangulBigrams(folded: string): string[] {
  const grams: string[] = [];
  for (const run of folded.match(/[\uAC00-\uD7A3]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}
