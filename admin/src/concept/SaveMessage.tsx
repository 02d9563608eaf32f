import { errorWord, useLanguage, useWords } from '../language.js';
import type { Outcome } from './useConceptEdit.js';

/** The last save's outcome, announced: progress and success as status, failures as alert. */
export function SaveMessage(props: { outcome: Outcome | null; saving: boolean }) {
  const w = useWords();
  const language = useLanguage();
  const outcome = props.outcome;
  if (props.saving) return <p role="status">{w('editor.saving')}</p>;
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'saved':
      return (
        <p role="status" className="ok">
          {w('saved')}
        </p>
      );
    case 'unchanged':
      return <p role="status">{w('editor.unchanged')}</p>;
    case 'waiting':
      return <p role="status">{w('editor.waitingIme')}</p>;
    case 'reapplied':
      return (
        <p role="status" className="ok">
          {w('editor.reapplied')}
        </p>
      );
    case 'invalid':
      return (
        <p role="alert" className="error">
          {w('editor.invalid')}
        </p>
      );
    case 'refused':
      return (
        <p role="alert" className="error">
          {w('editor.refused')}
        </p>
      );
    case 'conflict':
      return (
        <p role="alert" className="error">
          {w('editor.conflict')}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="error">
          {errorWord(language, outcome.code)} ({outcome.message})
        </p>
      );
  }
}
