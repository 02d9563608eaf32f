import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { ConceptFields } from './ConceptFields.js';
import { ConflictPanel } from './ConflictPanel.js';
import { EditorProvider, issuesAt, type EditorState } from './editorContext.js';
import { pathLabel } from './pathLabel.js';
import { SaveMessage } from './SaveMessage.js';
import { useConceptEdit } from './useConceptEdit.js';
import './concept.css';

/**
 * A concept's full editor: every field in Korean and English side by side, each English with
 * its translation state (and the Korean's change when outdated); lists whose items are added
 * and removed; checked with the API's own zod schema before sending; saved (button, Ctrl+S or
 * ⌘S) with only what changed and the version the user started from; a CONFLICT shows what the
 * other person changed and reapplies the user's edits on the latest version.
 */
export function ConceptEditor(props: { slug: string }) {
  const { slug } = props;
  const { can } = useSession();
  const w = useWords();
  const language = useLanguage();
  const edit = useConceptEdit(slug);
  const [typoFix, setTypoFix] = useState(false);
  const [keepPublished, setKeepPublished] = useState(false);
  const choices = { typoFix, keepPublished };
  const choicesRef = useRef(choices);
  choicesRef.current = choices;
  const { phase, draft, set, issues, save } = edit;

  // Ctrl+S / ⌘S anywhere on the screen saves instead of saving the web page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save(choicesRef.current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const loaded = phase.kind === 'editing' ? phase.loaded : null;
  const readOnly =
    !loaded || !(loaded.status === 'PUBLISHED' ? can('EDIT_PUBLISHED') : can('EDIT_DRAFT'));
  const state = useMemo<EditorState | null>(() => {
    if (!loaded || !draft) return null;
    const fields = new Map(loaded.translation.fields.map((field) => [field.path, field]));
    return {
      draft,
      set,
      field: (path) => fields.get(path),
      issues: (path) => issuesAt(issues, path),
      readOnly,
    };
  }, [loaded, draft, set, issues, readOnly]);

  if (phase.kind === 'loading') return <p role="status">{w('loading')}</p>;
  if (phase.kind === 'failed')
    return (
      <p role="alert" className="error">
        {errorWord(language, phase.code)}
      </p>
    );
  if (phase.kind === 'missing' || !state || !loaded)
    return (
      <p role="alert" className="error">
        {w('editor.notFound')} <code>{slug}</code> <Link href="~/">{w('back')}</Link>
      </p>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(choices);
  }

  return (
    <EditorProvider value={state}>
      <form
        className="concept-editor"
        onSubmit={submit}
        aria-labelledby="concept-title"
        onCompositionStart={edit.composition.onCompositionStart}
        onCompositionEnd={edit.composition.onCompositionEnd}
      >
        <h2 id="concept-title">
          {state.draft.term.ko} <code>{slug}</code>
        </h2>
        <p>
          {w('status')}: <span data-testid="status">{w(loaded.status)}</span> · {w('version')}{' '}
          <span data-testid="version">{loaded.version}</span>
        </p>
        {readOnly && <p className="note">{w('editor.readOnly')}</p>}
        <ConceptFields />
        {issues.length > 0 && (
          <ul className="error issues" aria-label={w('editor.invalid')}>
            {issues.map((issue, i) => (
              <li key={i}>
                {pathLabel(issue.path.slice(1).join('.'), w)}: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <SaveMessage outcome={edit.outcome} saving={edit.saving} />
        {edit.conflict && (
          <ConflictPanel
            from={loaded.version}
            to={edit.conflict.latest.version}
            changes={edit.conflict.changes}
            onReapply={edit.reapply}
          />
        )}
        {edit.clashes.length > 0 && (
          <div className="note" data-testid="clashes">
            <p>{w('editor.clashes')}</p>
            <ul>
              {edit.clashes.map((path) => (
                <li key={path}>{pathLabel(path, w)}</li>
              ))}
            </ul>
          </div>
        )}
        {!readOnly && (
          <div className="save-bar">
            <label className="check">
              <input
                type="checkbox"
                checked={typoFix}
                onChange={(event) => setTypoFix(event.target.checked)}
              />{' '}
              {w('editor.typoFix')}
            </label>
            {loaded.status === 'PUBLISHED' && can('PUBLISH') && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={keepPublished}
                  onChange={(event) => setKeepPublished(event.target.checked)}
                />{' '}
                {w('editor.keepPublished')}
              </label>
            )}
            <div className="actions">
              <button type="submit" disabled={edit.saving} aria-describedby="save-shortcut">
                {w('save')}
              </button>
              <span id="save-shortcut" className="help">
                {w('editor.shortcut')}
              </span>
            </div>
          </div>
        )}
      </form>
    </EditorProvider>
  );
}
