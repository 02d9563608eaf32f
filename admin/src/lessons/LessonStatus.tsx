import { useState } from 'react';
import { ApiError, request, type Issue } from '../api.js';
import { useWords } from '../language.js';
import { useSession } from '../session.js';
import { PUBLISH_LESSON, UNPUBLISH_LESSON } from './lessonOperations.js';

/**
 * Publish or unpublish the lesson as saved (admins only: an editor is told so, not offered the
 * buttons). A refusal is listed text by text; when English is not current an admin may publish
 * even so (`allowUntranslated`, recorded by the API).
 */
export function LessonStatus(props: {
  slug: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number;
  englishCurrent: boolean;
  onChanged: () => Promise<void>;
}) {
  const { token, can } = useSession();
  const w = useWords();
  const [override, setOverride] = useState(false);
  const [refusal, setRefusal] = useState<Issue[] | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!can('PUBLISH')) return <p>{w('lesson.adminOnly')}</p>;

  async function change(action: 'publish' | 'unpublish') {
    setRefusal(null);
    setDone(null);
    try {
      if (action === 'publish') {
        await request(token, PUBLISH_LESSON, {
          slug: props.slug,
          version: props.version,
          allowUntranslated: override || null,
        });
        setDone(w('published'));
      } else {
        await request(token, UNPUBLISH_LESSON, { slug: props.slug, version: props.version });
        setDone(w('lesson.unpublished'));
      }
      setOverride(false);
      await props.onChanged();
    } catch (error) {
      const refused = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      setRefusal(
        refused.issues.length > 0 ? refused.issues : [{ path: [], message: refused.message }],
      );
    }
  }

  return (
    <div className="lesson-status">
      {refusal && (
        <div role="alert" className="refusal">
          <p className="error">{w('lesson.publishRefused')}</p>
          <ul>
            {refusal.map((issue, i) => (
              <li key={i}>
                {issue.path.length > 0 && <code>{issue.path.join('.')}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <div className="actions">
        {props.status === 'DRAFT' ? (
          <>
            {!props.englishCurrent && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={override}
                  onChange={(event) => setOverride(event.target.checked)}
                />
                {w('lesson.publishOverride')}
              </label>
            )}
            <button type="button" onClick={() => void change('publish')}>
              {w('publish')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void change('unpublish')}>
            {w('lesson.unpublish')}
          </button>
        )}
      </div>
    </div>
  );
}
