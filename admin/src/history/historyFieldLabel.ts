import { fieldLabel } from '../publishing/fieldLabel.js';
import type { WordKey } from '../words/index.js';

// A concept's other fields, named for the history (texts are named by the shared fieldLabel).
const OWN: Record<string, WordKey> = {
  aliases: 'history.field.aliases',
  category: 'category',
  status: 'status',
  details: 'history.field.details',
  examples: 'history.field.examples',
  analogies: 'history.field.analogies',
  limitations: 'history.field.limitations',
  media: 'history.field.media',
  sources: 'history.field.sources',
};

/** A field path of a concept (`details.0.text`) in the editor's words. */
export function historyFieldLabel(path: string, w: (key: WordKey) => string): string {
  const [first, ...rest] = path.split('.');
  const own = first !== undefined ? OWN[first] : undefined;
  return own ? [w(own), ...rest].join(' · ') : fieldLabel(path, w);
}
