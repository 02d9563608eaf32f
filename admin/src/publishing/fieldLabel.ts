import type { WordKey } from '../words/index.js';

// The fields with a name of their own; a deeper path (`details.0.text`) is named by its first
// part and shown with the rest, so every issue still says exactly where it is.
const NAMED: Record<string, WordKey> = {
  term: 'term',
  summary: 'summary',
  definition: 'definition',
};

/** A field path (`definition`, `details.0.text.en`) in words the editor knows. */
export function fieldLabel(path: string, w: (key: WordKey) => string): string {
  const [first, ...rest] = path.split('.');
  const named = first !== undefined ? NAMED[first] : undefined;
  if (!named) return path;
  return [w(named), ...rest].join(' · ');
}
