import { useWords } from '../language.js';
import { historyFieldLabel } from './historyFieldLabel.js';
import type { FieldChange } from './diffVersions.js';

/**
 * The fields that differ between two versions, each per locale: the text before (struck) and
 * after (underlined), or "none" where a version has no such text (English never written).
 */
export function VersionDiff(props: { before: number; after: number; changes: FieldChange[] }) {
  const w = useWords();
  const shown = (text: string | undefined) =>
    text === undefined ? <em>{w('history.none')}</em> : text;
  return (
    <div className="version-diff" aria-live="polite">
      <h3>
        {w('version')} {props.before} → {w('version')} {props.after}
      </h3>
      {props.changes.length === 0 ? (
        <p>{w('history.same')}</p>
      ) : (
        <ul>
          {props.changes.map((change) => (
            <li key={`${change.path}:${change.locale ?? ''}`} data-testid="field-change">
              <strong data-testid="field-name">
                {historyFieldLabel(change.path, w)}
                {change.locale && ` · ${w(change.locale === 'ko' ? 'history.ko' : 'history.en')}`}
              </strong>
              <div className="diff-pair">
                <p>
                  <span className="what">{w('history.before')}</span>{' '}
                  <del>{shown(change.before)}</del>
                </p>
                <p>
                  <span className="what">{w('history.after')}</span>{' '}
                  <ins>{shown(change.after)}</ins>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
