// Large stored JSON is written in ASCII and read back as Latin-1: the same values as JSON of
// any text, whatever it holds; JSON written before (UTF-8) is still read as UTF-8.
import { isAscii } from 'node:buffer';
import { asciiJson, decodeJsonText } from '../../src/store/asciiJson.js';

// Korean, an emoji (a surrogate pair), a lone surrogate, control characters, U+2028, quotes.
const VALUE = {
  ko: '대규모 언어 모델 (LLM)은 “트랜스포머” 기반',
  emoji: 'pair 🧑‍🍳 and lone \ud800 end',
  controls: 'tab\tnewline\nnull\u0000 del\u007f line-sep\u2028 "quoted" back\\slash',
  list: [1, 2.5, null, true, { 한국어키: '값' }],
};

describe('asciiJson and decodeJsonText', () => {
  it('write ASCII only, and read back the same value as JSON.stringify would give', () => {
    const bytes = Buffer.from(asciiJson(VALUE), 'latin1');
    expect(isAscii(bytes)).toBe(true);
    expect(JSON.parse(decodeJsonText(bytes))).toEqual(JSON.parse(JSON.stringify(VALUE)));
    expect(JSON.stringify(JSON.parse(decodeJsonText(bytes)))).toBe(JSON.stringify(VALUE));
    // A reader of an earlier deploy decodes it as UTF-8: the same text, ASCII being UTF-8.
    expect(bytes.toString('utf8')).toBe(decodeJsonText(bytes));
  });

  it('read UTF-8 JSON (written before, or by others) as UTF-8', () => {
    const bytes = Buffer.from(JSON.stringify(VALUE), 'utf8');
    expect(isAscii(bytes)).toBe(false);
    expect(JSON.parse(decodeJsonText(bytes))).toEqual(JSON.parse(JSON.stringify(VALUE)));
  });
});
