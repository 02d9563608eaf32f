import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, request, type Issue } from './api.js';
import { CONCEPT_TEXTS, PUBLISH_CONCEPT, UPDATE_CONCEPT } from './conceptOperations.js';
import type { ConceptTextsQuery } from './gql/graphql.js';
import { useWords } from './language.js';
import { useSession } from './session.js';

type Loaded = NonNullable<ConceptTextsQuery['concept']>;
type Field = 'term' | 'summary' | 'definition';
type Locale = 'ko' | 'en';
type Edits = Partial<Record<`${Field}.${Locale}`, string>>;

const FIELDS: Field[] = ['term', 'summary', 'definition'];

/**
 * One concept's main texts, Korean and English side by side, each English with its translation
 * state. What the user types is kept apart from what the server holds: a save sends only the
 * changed texts with the version the user started from, and after a CONFLICT the latest
 * version is loaded under the user's edits, which are then saved on top of it.
 */
export function ConceptEditor(props: { slug: string }) {
  const { slug } = props;
  const { token, can } = useSession();
  const [concept, setConcept] = useState<Loaded | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const w = useWords();

  const load = useCallback(async () => {
    const { concept: found } = await request(token, CONCEPT_TEXTS, { slug });
    setConcept(found ?? null);
  }, [slug, token]);

  useEffect(() => {
    void load().catch((error: unknown) => setMessage({ kind: 'error', text: String(error) }));
  }, [load]);

  if (!concept) return <p role="status">{w('loading')}</p>;

  const fields = new Map(concept.translation.fields.map((f) => [f.path, f]));
  const serverText = (field: Field, locale: Locale) => {
    const text = fields.get(field);
    return (locale === 'ko' ? text?.source : text?.translation) ?? '';
  };
  const shown = (field: Field, locale: Locale) =>
    edits[`${field}.${locale}`] ?? serverText(field, locale);
  const issueAt = (field: Field, locale: Locale) =>
    issues.find(
      (issue) => issue.path[1] === field && (issue.path[2] === locale || issue.path.length === 2),
    )?.message;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!concept) return;
    const patch: Record<string, Record<string, string>> = {};
    for (const [key, value] of Object.entries(edits)) {
      const [field, locale] = key.split('.') as [Field, Locale];
      (patch[field] ??= {})[locale] = value;
    }
    try {
      await request(token, UPDATE_CONCEPT, { slug, patch, version: concept.version });
      setEdits({});
      setIssues([]);
      setConflict(false);
      setMessage({ kind: 'ok', text: w('saved') });
      await load();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      setIssues(failure.issues);
      setConflict(failure.code === 'CONFLICT');
      setMessage({
        kind: 'error',
        text: failure.code === 'CONFLICT' ? w('conflict') : failure.message,
      });
    }
  }

  async function reloadLatest() {
    await load();
    setConflict(false);
    setMessage(null);
  }

  async function publish() {
    if (!concept) return;
    try {
      await request(token, PUBLISH_CONCEPT, { slug, version: concept.version });
      setMessage({ kind: 'ok', text: w('published') });
      await load();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      // Publishing names document paths (['definition', …]); edits name patch paths: one lookup.
      setIssues(failure.issues.map((issue) => ({ ...issue, path: ['patch', ...issue.path] })));
      setMessage({ kind: 'error', text: failure.message });
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} aria-labelledby="concept-title">
      <h2 id="concept-title">
        {serverText('term', 'ko')} <code>{slug}</code>
      </h2>
      <p>
        {w('status')}: <span data-testid="status">{w(concept.status)}</span> · {w('version')}{' '}
        <span data-testid="version">{concept.version}</span>
      </p>
      {FIELDS.map((field) => (
        <fieldset key={field} className="pair">
          <legend>
            {w(field)}{' '}
            <span
              className={`state ${fields.get(field)?.state ?? 'MISSING'}`}
              data-testid={`state-${field}`}
            >
              {w(fields.get(field)?.state ?? 'MISSING')}
            </span>
          </legend>
          {(['ko', 'en'] as const).map((locale) => {
            const id = `${field}-${locale}`;
            const problem = issueAt(field, locale);
            return (
              <div key={locale} className="side">
                <label htmlFor={id}>{w(locale === 'ko' ? 'korean' : 'english')}</label>
                <textarea
                  id={id}
                  lang={locale}
                  rows={field === 'term' ? 1 : 3}
                  value={shown(field, locale)}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-issue` : undefined}
                  onChange={(event) =>
                    setEdits({ ...edits, [`${field}.${locale}`]: event.target.value })
                  }
                />
                {problem && (
                  <p id={`${id}-issue`} className="error">
                    {problem}
                  </p>
                )}
                {locale === 'en' && <SourceChange field={fields.get(field)} />}
              </div>
            );
          })}
        </fieldset>
      ))}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      <div className="actions">
        {conflict ? (
          <button type="button" onClick={() => void reloadLatest()}>
            {w('reloadLatest')}
          </button>
        ) : (
          <button type="submit">{w('save')}</button>
        )}
        {can('PUBLISH') && concept.status === 'DRAFT' && (
          <button type="button" onClick={() => void publish()}>
            {w('publish')}
          </button>
        )}
      </div>
    </form>
  );
}

// For outdated English: how the Korean changed since it was translated, as the translator needs
// to see it (removed text struck through, added text underlined).
function SourceChange(props: { field: Loaded['translation']['fields'][number] | undefined }) {
  const w = useWords();
  const diff = props.field?.state === 'OUTDATED' ? props.field.sourceDiff : null;
  if (!diff) return null;
  return (
    <figure className="diff" data-testid={`diff-${props.field!.path}`}>
      <figcaption>{w('koreanChange')}</figcaption>
      <p lang="ko">
        {diff.map((change, i) =>
          change.kind === 'ADDED' ? (
            <ins key={i}>{change.text}</ins>
          ) : change.kind === 'REMOVED' ? (
            <del key={i}>{change.text}</del>
          ) : (
            <span key={i}>{change.text}</span>
          ),
        )}
      </p>
    </figure>
  );
}
