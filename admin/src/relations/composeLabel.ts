import { josa } from 'es-hangul';
import type { UiLanguage } from '../words/index.js';

// The API's Korean labels mark the other concept with `~` and write a particle that depends on
// the word before it both ways (`~을(를)`). Composed with a term, the right one is chosen.
const PARTICLES = [
  ['을(를)', '을/를'],
  ['이(가)', '이/가'],
  ['와(과)', '와/과'],
  ['(으)로', '으로/로'],
] as const;

// A term such as "대규모 언어 모델(LLM)" takes the particle of the word before its parenthesis.
function spoken(term: string): string {
  return term.replace(/\s*\([^)]*\)\s*$/, '') || term;
}

/**
 * A relation label read with the other concept's term: "디코더를 전문화한 것이다" for
 * `~을(를) 전문화한 것이다`, "is a kind of Transformer" in English (the term after the label).
 */
export function composeLabel(label: string, term: string, language: UiLanguage): string {
  if (language === 'en' || !label.includes('~')) return `${label} ${term}`;
  for (const [written, option] of PARTICLES) {
    if (label.includes(`~${written}`)) {
      return label.replace(`~${written}`, `${term}${josa.pick(spoken(term), option)}`);
    }
  }
  return label.replace('~', term);
}
