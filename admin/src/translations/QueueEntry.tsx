import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, request, type Issue } from '../api.js';
import type { QueuedDocumentFragment } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { fieldPathLabel } from './fieldPathLabel.js';
import { SourceDiff } from '../SourceDiff.js';
import { StateBadge } from './StateBadge.js';
import { CONFIRM_TRANSLATION, UPDATE_TRANSLATION } from './translationOperations.js';

type Field = QueuedDocumentFragment['translation']['fields'][number];

/**
 * One text in the translation queue and the translator's two actions on it: write new English
 * (saved as the document's version the entry shows), or confirm that the present English still
 * says what the changed Korean says. The document as the API returns it goes to `onChanged`;
 * after a CONFLICT, `onStale` reloads the document while what was typed stays in the field.
 */
export function QueueEntry(props: {
  document: QueuedDocumentFragment;
  field: Field;
  onChanged: (document: QueuedDocumentFragment, done: string) => void;
  onStale: () => Promise<void>;
}) {
  const { document, field } = props;
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [english, setEnglish] = useState(field.translation ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; issues: Issue[] } | null>(null);
  const id = `entry-${document.type}-${document.id}-${field.path}`.replace(/[^\w-]/g, '_');
  const label = fieldPathLabel(field.path, w);
  // Writing English is an edit of the document: a draft's for editors, a published one's (and
  // categories', comparisons', relations', which have no status) for admins only.
  const mayWrite = can('EDIT_PUBLISHED') || (document.status === 'DRAFT' && can('EDIT_DRAFT'));
  const mayConfirm = can('TRANSLATE') && field.state === 'OUTDATED';
  const long =
    Math.max(field.source.length, field.translation?.length ?? 0) > 120 ||
    field.path.startsWith('sections.');

  async function act(action: 'write' | 'confirm') {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const target = { type: document.type, id: document.id, path: field.path };
    try {
      if (action === 'write') {
        const { updateTranslations } = await request(token, UPDATE_TRANSLATION, {
          ...target,
          text: english,
          version: document.version,
        });
        props.onChanged(updateTranslations, `${document.title} · ${label}: ${w('queue.written')}`);
      } else {
        const { confirmTranslation } = await request(token, CONFIRM_TRANSLATION, {
          ...target,
          version: document.version,
        });
        props.onChanged(
          confirmTranslation,
          `${document.title} · ${label}: ${w('queue.confirmed')}`,
        );
      }
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      if (failure.code === 'CONFLICT') {
        setProblem({ text: w('queue.conflict'), issues: [] });
        await props.onStale().catch(() => undefined);
      } else {
        const known = ['NETWORK', 'SERVER', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(failure.code);
        setProblem({
          text: known ? errorWord(language, failure.code) : failure.message,
          issues: failure.issues,
        });
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (english.trim() !== '') void act('write');
  }

  // Ctrl+Enter (⌘+Enter) saves from the field; never mid-composition, when Enter is the IME's.
  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      if (mayWrite && english.trim() !== '') void act('write');
    }
  }

  return (
    <form
      className="entry"
      aria-labelledby={`${id}-title`}
      data-testid={`entry-${document.id}-${field.path}`}
      onSubmit={submit}
    >
      <h4 id={`${id}-title`}>
        {label} <StateBadge state={field.state} /> <code>{field.path}</code>
      </h4>
      <div className="texts">
        <div>
          <h5>{w('queue.koreanNow')}</h5>
          <p lang="ko" className="text">
            {field.source}
          </p>
        </div>
        <div>
          <h5>{w('queue.englishNow')}</h5>
          {field.translation ? (
            <p lang="en" className="text">
              {field.translation}
            </p>
          ) : (
            <p className="none">{w('queue.noEnglish')}</p>
          )}
        </div>
        {field.state === 'OUTDATED' && (
          <div>
            <h5>{w('queue.madeFrom')}</h5>
            {field.translatedFrom ? (
              <p lang="ko" className="text">
                {field.translatedFrom}
              </p>
            ) : (
              <p className="none">{w('queue.madeFromUnknown')}</p>
            )}
          </div>
        )}
      </div>
      {field.sourceDiff && <SourceDiff diff={field.sourceDiff} id={`${id}-diff`} />}
      {mayWrite ? (
        <div className="side">
          <label htmlFor={`${id}-en`}>{w('queue.newEnglish')}</label>
          <textarea
            id={`${id}-en`}
            lang="en"
            rows={long ? 6 : 3}
            value={english}
            aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem && problem.issues.length > 0 ? true : undefined}
            onChange={(event) => setEnglish(event.target.value)}
            onKeyDown={keyDown}
          />
          <small id={`${id}-help`}>{w('queue.saveHelp')}</small>
        </div>
      ) : (
        <p>{w('queue.adminWrites')}</p>
      )}
      {problem && (
        <div id={`${id}-problem`} role="alert" className="error">
          <p>{problem.text}</p>
          {problem.issues.length > 0 && (
            <ul>
              {problem.issues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        {mayWrite && (
          <button type="submit" disabled={busy || english.trim() === ''}>
            {w('queue.save')}
          </button>
        )}
        {mayConfirm && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act('confirm')}
          >
            {w('queue.confirm')}
          </button>
        )}
      </div>
    </form>
  );
}
