import { useEffect, useState } from 'react';
import { ApiError, request } from '../api.js';
import type { PreviewLessonQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { useDebounced } from '../useDebounced.js';
import { BlockView, headingTag } from './BlockView.js';
import { PREVIEW_LESSON } from './lessonOperations.js';

type Preview = PreviewLessonQuery['previewLesson'];

/** How long typing must pause before the API is asked for a preview. */
const PREVIEW_DELAY = 400;

/**
 * The markdown as a save would store it, asked of the API once typing pauses (previewLesson:
 * parsed exactly as upsertLesson parses it, never saved) and rendered from its structured
 * blocks, with the issues the save would refuse. `otherMarkdown` is the other column's text
 * when it has unsaved changes: a save then sends both, so the preview asks about both (a section
 * added to both columns lines up). An answer that arrives after a newer question is dropped.
 */
export function LessonPreview(props: {
  slug: string;
  locale: 'ko' | 'en';
  markdown: string;
  otherMarkdown: string | null;
}) {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const markdown = useDebounced(props.markdown, PREVIEW_DELAY);
  const otherMarkdown = useDebounced(props.otherMarkdown, PREVIEW_DELAY);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setBusy(true);
    request(token, PREVIEW_LESSON, {
      markdown,
      locale: props.locale === 'ko' ? 'KO' : 'EN',
      slug: props.slug,
      otherMarkdown,
    }).then(
      ({ previewLesson }) => {
        if (!current) return;
        setPreview(previewLesson);
        setError(null);
        setBusy(false);
      },
      (failure: unknown) => {
        if (!current) return;
        const refused = failure instanceof ApiError ? failure : null;
        // Over the size limit the API answers with issues, as a save would.
        setError(refused?.issues[0]?.message ?? errorWord(language, refused?.code ?? 'SERVER'));
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [token, props.slug, props.locale, markdown, otherMarkdown, language]);

  const stale = busy || markdown !== props.markdown || otherMarkdown !== props.otherMarkdown;
  return (
    <div className="preview" lang={props.locale} data-testid="preview" aria-busy={stale}>
      <p role="status" className="preview-state">
        {stale ? w('lesson.previewing') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && preview.issues.length > 0 && (
        <div className="refusal" data-testid="preview-issues">
          <p className="error">{w('lesson.previewIssues')}</p>
          <ul>
            {preview.issues.map((issue, i) => (
              <li key={i}>
                {issue.path.length > 0 && <code>{issue.path.join('.')}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.sections.length === 0 && <p>{w('lesson.previewEmpty')}</p>}
      {preview?.sections.map((section) => {
        const Heading = headingTag(section.level);
        return (
          <div key={section.anchor} data-anchor={section.anchor}>
            <Heading>{section.title}</Heading>
            {section.blocks.map((block, i) => (
              <BlockView key={i} block={block} />
            ))}
          </div>
        );
      })}
    </div>
  );
}
