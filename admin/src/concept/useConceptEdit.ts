import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request, type Issue } from '../api.js';
import { useSession } from '../session.js';
import { CONCEPT_EDIT, SAVE_CONCEPT } from './conceptEditOperations.js';
import {
  changesBetween,
  patchOf,
  rebase,
  setAt,
  type Change,
  type Draft,
  type DraftPath,
} from './draft.js';
import { draftOf, type LoadedConcept } from './fromLoaded.js';
import { draftIssues } from './validateDraft.js';

/** Where the editor is: loading, failed (an API error code), not found, or editing. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; code: string }
  | { kind: 'missing' }
  | { kind: 'editing'; loaded: LoadedConcept; base: Draft };

/** The outcome of the last save, to announce. */
export type Outcome =
  | { kind: 'saved' | 'unchanged' | 'invalid' | 'refused' | 'conflict' | 'reapplied' | 'waiting' }
  | { kind: 'failed'; code: string; message: string };

/** A CONFLICT being resolved: the latest version and what the other person changed in it. */
export interface Conflict {
  latest: LoadedConcept;
  changes: Change[];
}

/** Choices sent with a save (see SAVE_CONCEPT). */
export interface SaveChoices {
  typoFix: boolean;
  keepPublished: boolean;
}

/**
 * One concept's editing: the loaded version (`base`, what the user started from) is kept apart
 * from the user's draft, so a save sends only what changed with the version it started from,
 * and a CONFLICT can show what the other person changed (loaded copy against latest, no
 * history call needed) and reapply the user's edits on the latest. Nothing typed is dropped:
 * a save waits for an IME composition to end, and typing during a save is kept over the
 * saved version.
 */
export function useConceptEdit(slug: string) {
  const { token } = useSession();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [clashes, setClashes] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const composing = useRef(false);
  const pendingSave = useRef<SaveChoices | null>(null);

  const replaceDraft = (next: Draft) => {
    draftRef.current = next;
    setDraft(next);
  };

  const fetchLatest = useCallback(async () => {
    const { concept } = await request(token, CONCEPT_EDIT, { slug });
    return concept ?? null;
  }, [slug, token]);

  useEffect(() => {
    let live = true;
    setPhase({ kind: 'loading' });
    fetchLatest()
      .then((loaded) => {
        if (!live) return;
        if (!loaded) return setPhase({ kind: 'missing' });
        const base = draftOf(loaded);
        setPhase({ kind: 'editing', loaded, base });
        replaceDraft(base);
      })
      .catch((error: unknown) => {
        if (live)
          setPhase({ kind: 'failed', code: error instanceof ApiError ? error.code : 'SERVER' });
      });
    return () => {
      live = false;
    };
  }, [fetchLatest]);

  /** Sets one value of the draft (the latest draft, so that quick successive edits all land). */
  const set = useCallback((path: DraftPath, value: unknown) => {
    if (!draftRef.current) return;
    replaceDraft(setAt(draftRef.current, path, value));
  }, []);

  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const save = useCallback(
    async (choices: SaveChoices) => {
      const current = phaseRef.current;
      const sent = draftRef.current;
      if (current.kind !== 'editing' || !sent) return;
      // Mid-composition the last syllable is not final yet: save when the IME commits it.
      if (composing.current) {
        pendingSave.current = choices;
        setOutcome({ kind: 'waiting' });
        return;
      }
      const patch = patchOf(current.base, sent);
      if (Object.keys(patch).length === 0) return setOutcome({ kind: 'unchanged' });
      const found = draftIssues(slug, sent);
      setIssues(found);
      if (found.length > 0) return setOutcome({ kind: 'invalid' });
      setSaving(true);
      try {
        await request(token, SAVE_CONCEPT, {
          slug,
          patch,
          version: current.loaded.version,
          needsRetranslation: choices.typoFix ? false : null,
          allowUntranslated: choices.keepPublished || null,
        });
        const loaded = await fetchLatest();
        if (!loaded) return setPhase({ kind: 'missing' });
        const base = draftOf(loaded);
        // What was typed while the save was under way stays, on top of the saved version.
        replaceDraft(rebase(sent, draftRef.current ?? sent, base).draft);
        setPhase({ kind: 'editing', loaded, base });
        setConflict(null);
        setClashes([]);
        setOutcome({ kind: 'saved' });
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
        if (failure.code === 'CONFLICT') {
          const latest = await fetchLatest().catch(() => null);
          if (latest)
            setConflict({ latest, changes: changesBetween(current.base, draftOf(latest)) });
          setOutcome({ kind: 'conflict' });
        } else if (failure.issues.length > 0) {
          setIssues(failure.issues);
          setOutcome({ kind: 'refused' });
        } else {
          setOutcome({ kind: 'failed', code: failure.code, message: failure.message });
        }
      } finally {
        setSaving(false);
      }
    },
    [fetchLatest, slug, token],
  );

  /** Puts the user's edits on the latest version (after a CONFLICT); the user then saves. */
  const reapply = useCallback(() => {
    const current = phaseRef.current;
    if (!conflict || current.kind !== 'editing' || !draftRef.current) return;
    const base = draftOf(conflict.latest);
    const rebased = rebase(current.base, draftRef.current, base);
    replaceDraft(rebased.draft);
    setPhase({ kind: 'editing', loaded: conflict.latest, base });
    setClashes(rebased.clashes);
    setConflict(null);
    setOutcome({ kind: 'reapplied' });
  }, [conflict]);

  /** Composition events of the form: a save asked for mid-composition runs once it ends. */
  const composition = {
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      const choices = pendingSave.current;
      pendingSave.current = null;
      // After the committing input event has updated the draft.
      if (choices) setTimeout(() => void save(choices), 0);
    },
  };

  return {
    phase,
    draft,
    set,
    issues,
    outcome,
    conflict,
    clashes,
    saving,
    save,
    reapply,
    composition,
  };
}
