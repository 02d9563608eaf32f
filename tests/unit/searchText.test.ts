// The text handling search rests on: folding, particles, plurals, initial consonants, jamo,
// and snippets that are safe to render.
import { disassemble, getChoseong } from 'es-hangul';
import { analyzeQuery } from '../../src/search/analyzeQuery.js';
import {
  choseongOf,
  clean,
  fold,
  foldedWords,
  hangulBigrams,
  isChoseongQuery,
  jamo,
  jamoLength,
  wordForms,
  words,
} from '../../src/search/normalize.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { snippetFor } from '../../src/search/snippet.js';
import { concept } from '../helpers/contentFixtures.js';

describe('normalize', () => {
  it.each([
    ['Fine-Tuning', 'finetuning'],
    ['fine tuning', 'finetuning'],
    ['미세 조정', '미세조정'],
    ['ＬＬＭ', 'llm'],
    ['ㅍㄹㅍㅌ', 'ㅍㄹㅍㅌ'],
  ])('folds %j to %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it.each([
    ['트랜스포머는', ['트랜스포머는', '트랜스포머']],
    ['모델을', ['모델을', '모델']],
    ['데이터에서', ['데이터에서', '데이터']],
    ['제미나이', ['제미나이', '제미나']],
    ['models', ['models', 'model']],
    ['llms', ['llms', 'llm']],
    ['은', []],
  ])('knows the forms of %j', (word, forms) => {
    expect(wordForms(word)).toEqual(forms);
  });

  it('splits words at script boundaries', () => {
    expect(words('LLM의 튜닝, fine-tuning!')).toEqual(['llm', '의', '튜닝', 'fine', 'tuning']);
  });

  it('reads initial consonants, jamo and bigrams', () => {
    expect(isChoseongQuery('ㅍㄹㅍㅌ ㄷㅈㅇ')).toBe(true);
    expect(isChoseongQuery('ㅍㄹ프트')).toBe(false);
    expect(choseongOf('프롬프트디자인')).toBe('ㅍㄹㅍㅌㄷㅈㅇ');
    expect(choseongOf('llm')).toBe('');
    expect(jamo('머')).toBe('ㅁㅓ');
    expect(hangulBigrams('미세조정')).toEqual(['미세', '세조', '조정']);
  });

  it('cleans and folds every text as NFKC and Unicode letters say (fast paths included)', () => {
    const slowClean = (text: string) =>
      text.replace(/[^\u3131-\u318E]+/g, (run) => run.normalize('NFKC')).toLowerCase();
    const slowFold = (text: string) => slowClean(text).replace(/[^\p{L}\p{N}]+/gu, '');
    const texts = [
      'Fine-Tuning, LLM의 튜닝!',
      'ＬＬＭ　ｆｕｌｌ-ｗｉｄｔｈ',
      'ㅍㄹㅍㅌ 프롬프트',
      'ﬁne ﬂow Ⅻ ① ㎏',
      'Ǆemal naïve café Ωmega',
      '한글\u3000전각 공백',
      '',
    ];
    for (const text of texts) {
      expect([clean(text), fold(text)]).toEqual([slowClean(text), slowFold(text)]);
    }
  });

  it('folds and splits a name in one pass as fold and words do', () => {
    const names = [
      'Fine-Tuning',
      'LLM의 튜닝, fine-tuning!',
      'GPT-4o mini 2',
      '미세 조정 (Fine-tuning)',
      'ＬＬＭ　ｆｕｌｌ',
      'ㅍㄹㅍㅌ 프롬프트',
      'naïve café',
      '  ',
      '',
    ];
    for (const name of names) {
      expect({ name, ...foldedWords(name) }).toEqual({
        name,
        folded: fold(name),
        words: words(name),
      });
    }
  });

  it("splits every syllable and jamo as es-hangul's disassemble does, also within text", () => {
    const letters: string[] = [];
    for (let code = 0x1100; code <= 0x11ff; code++) letters.push(String.fromCharCode(code));
    for (let code = 0x3131; code <= 0x318e; code++) letters.push(String.fromCharCode(code));
    for (let code = 0xac00; code <= 0xd7a3; code++) letters.push(String.fromCharCode(code));
    const wrong = letters.filter((letter) => jamo(letter) !== disassemble(letter));
    expect(wrong).toEqual([]);
    for (const text of [
      '트랜스포머 LLM의 튜닝',
      'ㅘ괜찮아ㄳ',
      '미세 조정, fine-tuning!',
      '한글 😀 ẞ',
    ]) {
      expect(jamo(text)).toBe(disassemble(text));
    }
  });

  it("reads every syllable's initial consonant as es-hangul's getChoseong does", () => {
    const syllables: string[] = [];
    for (let code = 0xac00; code <= 0xd7a3; code++) syllables.push(String.fromCharCode(code));
    const wrong = syllables.filter((syllable) => choseongOf(syllable) !== getChoseong(syllable));
    expect(wrong).toEqual([]);
    expect(choseongOf('LLM의 튜닝ㅋ 2모델')).toBe(getChoseong('의튜닝모델'));
  });

  it('counts the jamo of a text as jamo makes them, without making them', () => {
    for (const text of [
      '트랜스포머 LLM의 튜닝',
      'ㅘ괜찮아ㄳ',
      '\u1100\u1161 conjoining',
      '한글 😀 ẞ',
      'no hangul',
      '',
    ]) {
      expect({ text, length: jamoLength(text) }).toEqual({ text, length: jamo(text).length });
    }
  });

  it('refuses empty and over-long queries', () => {
    expect(() => analyzeQuery('  ')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => analyzeQuery('x'.repeat(201))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(analyzeQuery('미세 조정을').folded).toEqual(['미세조정을', '미세조정']);
  });
});

describe('snippets', () => {
  it('escapes HTML around the <mark> it adds', () => {
    const c = concept('xss', 'k', {
      term: { ko: '<b>굵게</b> 용어', en: '<script>x</script> term' },
      summary: { ko: '요약 <img src=x>', en: 'A <i>summary</i> & more' },
    });
    const index = new SearchIndex(new Map([[c.slug, c]]));
    const [match] = index.match(analyzeQuery('summary'));
    const snippet = snippetFor(match!.score, match!.entry, c, 'en', analyzeQuery('summary'));
    expect(snippet).toEqual({
      text: 'A &lt;i&gt;<mark>summary</mark>&lt;/i&gt; &amp; more',
      fellBack: false,
    });
    const [name] = index.match(analyzeQuery('굵게'));
    // The English term, then the Korean name that matched: the term did not fall back.
    expect(snippetFor(name!.score, name!.entry, c, 'en', analyzeQuery('굵게'))).toEqual({
      text: '&lt;script&gt;x&lt;/script&gt; term (&lt;b&gt;<mark>굵게</mark>&lt;/b&gt; 용어)',
      fellBack: false,
    });
  });
});
