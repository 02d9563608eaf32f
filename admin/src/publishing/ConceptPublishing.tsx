import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, request, type Issue } from '../api.js';
import type { ConceptReadinessQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { fieldLabel } from './fieldLabel.js';
import { CONCEPT_READINESS, PUBLISH, UNPUBLISH } from './publishingOperations.js';
import { ReadersView } from './ReadersView.js';
import './publishing.css';

type Loaded = NonNullable<ConceptReadinessQuery['concept']>;

/**
 * A concept's publication: whether it can be published (which English is not current, before
 * the API has to refuse), what anonymous readers see now or will see once published, and the
 * admin's publish and unpublish, with the API's refusals listed field by field.
 */
export function ConceptPublishing(props: { slug: string }) {
  const { slug } = props;
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [concept, setConcept] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Issue[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [seen, setSeen] = useState(0); // bumps the readers' view after a change

  const load = useCallback(async () => {
    const { concept: found } = await request(token, CONCEPT_READINESS, { slug });
    setConcept(found ?? null);
  }, [slug, token]);

  useEffect(() => {
    load().catch((error: unknown) => setFailure(error instanceof ApiError ? error.code : 'SERVER'));
  }, [load]);

  if (failure)
    return (
      <p role="alert" className="error">
        {errorWord(language, failure)}
      </p>
    );
  if (!concept) return <p role="status">{w('loading')}</p>;

  const notCurrent = concept.translation.fields.filter((field) => field.state !== 'CURRENT');
  const missing = new Set(
    concept.translation.fields.filter((f) => f.state === 'MISSING').map((f) => f.path),
  );

  async function change(action: 'publish' | 'unpublish') {
    if (!concept) return;
    setRefusal(null);
    setDone(null);
    try {
      if (action === 'publish') {
        await request(token, PUBLISH, {
          slug,
          version: concept.version,
          allowUntranslated: override || null,
        });
        setDone(w('published'));
      } else {
        await request(token, UNPUBLISH, { slug, version: concept.version });
        setDone(w('publish.unpublished'));
      }
      setOverride(false);
      await load();
      setSeen(seen + 1);
    } catch (error) {
      const refused = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      setRefusal(
        refused.issues.length > 0 ? refused.issues : [{ path: [], message: refused.message }],
      );
    }
  }

  return (
    <section aria-labelledby="publish-title" className="publishing">
      <h2 id="publish-title">
        {w('publish.title')}: {concept.term}
      </h2>
      <p>
        {w('status')}: <span data-testid="publish-status">{w(concept.status)}</span> ·{' '}
        {w('version')} {concept.version}
      </p>
      {notCurrent.length === 0 ? (
        <p className="ok">{w('publish.ready')}</p>
      ) : (
        <div data-testid="not-current">
          <p>{w('publish.notReady')}</p>
          <ul>
            {notCurrent.map((field) => (
              <li key={field.path}>
                {fieldLabel(field.path, w)} ·{' '}
                <span className={`state ${field.state}`}>{w(field.state)}</span>
              </li>
            ))}
          </ul>
          <Link href={`~/concepts/${slug}`}>{w('publish.fixInEditor')}</Link>
        </div>
      )}
      {refusal && (
        <div role="alert" className="refusal">
          <p className="error">{w('publish.refused')}</p>
          <ul>
            {refusal.map((issue, i) => (
              <li key={i}>
                {issue.path.length > 0 && <strong>{fieldLabel(issue.path.join('.'), w)}: </strong>}
                {issue.message}
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
      {can('PUBLISH') ? (
        <div className="actions">
          {concept.status === 'DRAFT' ? (
            <>
              {notCurrent.length > 0 && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={override}
                    onChange={(event) => setOverride(event.target.checked)}
                  />
                  {w('publish.allowUntranslated')}
                </label>
              )}
              <button type="button" onClick={() => void change('publish')}>
                {w('publish')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void change('unpublish')}>
              {w('publish.unpublish')}
            </button>
          )}
        </div>
      ) : (
        <p>{w('publish.editorOnly')}</p>
      )}
      <ReadersView
        key={seen}
        slug={slug}
        draft={concept.status === 'DRAFT'}
        missingEnglish={missing}
      />
    </section>
  );
}
