import type { WordKey } from '../words/index.js';

// The names a field path is made of, in the words a translator knows. A name not listed here is
// shown as it is, so a label never hides where a text is.
const NAMES: Record<string, WordKey> = {
  term: 'term',
  summary: 'summary',
  definition: 'definition',
  aliases: 'field.aliases',
  details: 'field.details',
  examples: 'field.examples',
  analogies: 'field.analogies',
  limitations: 'field.limitations',
  title: 'field.title',
  text: 'field.text',
  domain: 'field.domain',
  mapping: 'field.mapping',
  source: 'field.source',
  target: 'field.target',
  caveats: 'field.caveats',
  name: 'field.name',
  description: 'field.description',
  rows: 'field.row',
  label: 'field.label',
  cells: 'field.cell',
  note: 'field.note',
};

/**
 * A text's field path (`definition`, `details.0.text`, `rows.1.cells.0.2`, `sections.tuning`)
 * in words: `Details 1 · Title`, `Row 2 · Cell 1 · 3`, `Section: tuning` (numbers count from 1).
 */
export function fieldPathLabel(path: string, w: (key: WordKey) => string): string {
  const [first, ...rest] = path.split('.');
  if (first === 'sections' && rest.length > 0) return `${w('field.section')}: ${rest.join('.')}`;
  const parts: string[] = [];
  for (const segment of [first ?? '', ...rest]) {
    if (/^\d+$/.test(segment)) {
      const number = String(Number(segment) + 1);
      // A number after a name counts within it (`Details 1`); a second one stands alone.
      const last = parts.length - 1;
      if (last >= 0 && !/\d$/.test(parts[last]!)) parts[last] = `${parts[last]} ${number}`;
      else parts.push(number);
    } else {
      const named = NAMES[segment];
      parts.push(named ? w(named) : segment);
    }
  }
  return parts.join(' · ');
}
