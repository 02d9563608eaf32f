import { diffChars } from 'diff';

/** One run of a diff: kept, added or removed text. */
export interface TextChange {
  kind: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

/**
 * How a Korean source changed, from the text a translation was made from to the present one,
 * character by character (Korean has no spaces inside many words, so a word diff would mark
 * whole phrases), for a translator to see what to retranslate.
 */
export function sourceDiff(from: string, to: string): TextChange[] {
  return diffChars(from, to).map((change) => ({
    kind: change.added ? 'ADDED' : change.removed ? 'REMOVED' : 'SAME',
    text: change.value,
  }));
}
