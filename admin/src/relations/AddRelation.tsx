import { useCallback, useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api.js';
import type { RelationKindRulesQuery } from '../gql/graphql.js';
import { useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { composeLabel } from './composeLabel.js';
import { ConceptCombobox, type Target } from './ConceptCombobox.js';
import { relationChoices } from './relationChoices.js';
import { ADD_RELATION } from './relationOperations.js';
import { Refusal } from './Refusal.js';

/** The concept whose relations are edited, as the form needs it. */
export interface Subject {
  slug: string;
  term: string;
  status: string;
  category: { slug: string };
}

/**
 * Adds a relation: the other concept found by search, the kind chosen among those the API's
 * category rules allow for the pair (read both ways), and an optional note in both languages.
 * An editor may not relate two published concepts (that would be live at once): when this one
 * is published, an editor is offered drafts only, and told why.
 */
export function AddRelation(props: {
  subject: Subject;
  kinds: RelationKindRulesQuery['relationKinds'];
  onAdded: (message: string) => Promise<void>;
  /** Called when an addition starts (an earlier success message no longer applies). */
  onStart: () => void;
}) {
  const { subject, kinds } = props;
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const id = useId();
  const [target, setTarget] = useState<Target | null>(null);
  const [choice, setChoice] = useState('');
  const [noteKo, setNoteKo] = useState('');
  const [noteEn, setNoteEn] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const draftsOnly = subject.status === 'PUBLISHED' && !can('EDIT_PUBLISHED');
  const offer = useCallback(
    (found: Target) => found.slug !== subject.slug && (!draftsOnly || found.status === 'DRAFT'),
    [subject.slug, draftsOnly],
  );
  const choices = relationChoices(kinds, subject.category.slug, target?.category.slug ?? null);
  const chosen = choices.find((c) => c.value === choice) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || !chosen) return;
    setRefusal(null);
    props.onStart();
    setBusy(true);
    const note = noteKo.trim()
      ? { ko: noteKo.trim(), ...(noteEn.trim() ? { en: noteEn.trim() } : {}) }
      : null;
    const [from, to] =
      chosen.direction === 'OUTGOING' ? [subject.slug, target.slug] : [target.slug, subject.slug];
    try {
      await request(token, ADD_RELATION, { input: { from, kind: chosen.kind, to, note } });
      const added = `${w('relations.added')}: ${subject.term} — ${composeLabel(chosen.label, target.term, language)}`;
      setTarget(null);
      setChoice('');
      setNoteKo('');
      setNoteEn('');
      await props.onAdded(added);
    } catch (error) {
      setRefusal(error instanceof ApiError ? error : new ApiError(String(error), 'SERVER'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{w('relations.add')}</h3>
      {draftsOnly && <p>{w('relations.editorPublished')}</p>}
      <ConceptCombobox
        label={w('relations.target')}
        help={w('relations.targetHelp')}
        picked={target}
        onPick={(picked) => {
          setTarget(picked);
          setChoice('');
        }}
        offer={offer}
      />
      <div className="side">
        <label htmlFor={`${id}-kind`}>{w('relations.kind')}</label>
        <select
          id={`${id}-kind`}
          value={choice}
          disabled={!target}
          aria-describedby={`${id}-kind-help`}
          onChange={(event) => setChoice(event.target.value)}
        >
          <option value="">{w('relations.chooseKind')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {target ? composeLabel(c.label, target.term, language) : c.label}
            </option>
          ))}
        </select>
        <small id={`${id}-kind-help`}>{w('relations.kindHelp')}</small>
      </div>
      <fieldset className="pair">
        <legend>{w('relations.note')}</legend>
        <div className="side">
          <label htmlFor={`${id}-note-ko`}>{w('korean')}</label>
          <textarea
            id={`${id}-note-ko`}
            rows={2}
            value={noteKo}
            onChange={(event) => setNoteKo(event.target.value)}
          />
        </div>
        <div className="side">
          <label htmlFor={`${id}-note-en`}>{w('english')}</label>
          <textarea
            id={`${id}-note-en`}
            rows={2}
            value={noteEn}
            onChange={(event) => setNoteEn(event.target.value)}
          />
        </div>
      </fieldset>
      {refusal && (
        <Refusal
          lead={w(refusal.code === 'CONFLICT' ? 'relations.duplicate' : 'relations.addRefused')}
          error={refusal}
        />
      )}
      <button type="submit" disabled={!target || !chosen || busy}>
        {w('relations.addButton')}
      </button>
    </form>
  );
}
