import { useWords } from '../language.js';
import type { Change } from './draft.js';
import { pathLabel } from './pathLabel.js';

/**
 * After a CONFLICT: what the other person changed between the version the user started from
 * and the latest, field by field (before struck through, after underlined), and the action
 * that puts the user's own edits on top of the latest version.
 */
export function ConflictPanel(props: {
  from: number;
  to: number;
  changes: Change[];
  onReapply: () => void;
}) {
  const w = useWords();
  return (
    <section className="conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h3 id="conflict-title">
        {w('editor.theirChanges')} ({w('editor.versions')} {props.from} → {props.to})
      </h3>
      {props.changes.length === 0 ? (
        <p>{w('editor.noTheirChanges')}</p>
      ) : (
        <dl>
          {props.changes.map((change) => (
            <div key={change.path} data-path={change.path}>
              <dt>{pathLabel(change.path, w)}</dt>
              <dd>
                {change.before !== undefined && (
                  <del>
                    <span className="visually-hidden">{w('editor.before')}: </span>
                    {change.before}
                  </del>
                )}
                {change.before !== undefined && change.after !== undefined && ' → '}
                {change.after !== undefined && (
                  <ins>
                    <span className="visually-hidden">{w('editor.after')}: </span>
                    {change.after}
                  </ins>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={props.onReapply}>
        {w('editor.reapply')}
      </button>
    </section>
  );
}
