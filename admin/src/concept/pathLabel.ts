import type { WordKey } from '../words/index.js';

// The words for each part of a draft path; list positions are shown from 1.
const PARTS: Record<string, WordKey> = {
  category: 'category',
  term: 'term',
  summary: 'summary',
  definition: 'definition',
  aliases: 'editor.aliases',
  details: 'editor.details',
  examples: 'editor.examples',
  limitations: 'editor.limitations',
  analogies: 'editor.analogies',
  media: 'editor.media',
  title: 'editor.title',
  text: 'editor.text',
  origin: 'editor.origin',
  domain: 'editor.domain',
  mapping: 'editor.mapping',
  caveats: 'editor.caveats',
  source: 'editor.source',
  target: 'editor.target',
  concept: 'editor.pairConcept',
  path: 'editor.path',
  alt: 'editor.alt',
  available: 'editor.available',
  ko: 'korean',
  en: 'english',
};

/** A draft path (`details.0.text.en`) in words: "Details 1 · Text · English (translation)". */
export function pathLabel(path: string, w: (key: WordKey) => string): string {
  const words: string[] = [];
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part) && words.length > 0) words[words.length - 1] += ` ${Number(part) + 1}`;
    else words.push(PARTS[part] ? w(PARTS[part]) : part);
  }
  return words.join(' · ');
}
