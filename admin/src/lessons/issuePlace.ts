import type { Issue } from '../api.js';

/** A text of the lesson form an issue can be shown at. */
export type TextKey = `${'markdown' | 'title' | 'summary'}.${'ko' | 'en'}`;

/**
 * Where the editor shows an issue the API reported for a save of `saved` (the locale whose
 * markdown was sent as `markdown`): at a text of the form (`['markdown', 'en']`, `['title', 'ko']`,
 * a link inside the saved markdown `['markdown', 'sections', 2, …]`), or at a section of the
 * English list when it names one by anchor (`['sections', 'tuning']`, the translation guard's).
 * A save of both locales sends the other one as `otherMarkdown`: its issues are at that locale's
 * markdown (`['otherMarkdown', 'en']`, `['otherMarkdown', 'sections', 2, …]`).
 */
export function issuePlace(
  issue: Issue,
  saved: 'ko' | 'en',
): { text: TextKey } | { section: string } {
  const [head, second] = issue.path;
  const named = second === 'ko' || second === 'en' ? second : undefined;
  if (head === 'otherMarkdown')
    return { text: `markdown.${named ?? (saved === 'ko' ? 'en' : 'ko')}` };
  const locale = named ?? saved;
  if (head === 'title' || head === 'summary') return { text: `${head}.${locale}` };
  if (head === 'sections' && typeof second === 'string' && !/^\d+$/.test(second)) {
    return { section: `sections.${second}` };
  }
  // `['markdown', …]`, or anything else about the content: the markdown it came from.
  return { text: `markdown.${head === 'markdown' ? locale : saved}` };
}
