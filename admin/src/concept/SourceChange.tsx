import { useWords } from '../language.js';
import type { LoadedField } from './fromLoaded.js';

/**
 * For outdated English: how the Korean changed since it was translated, as the translator needs
 * to see it (removed text struck through, added text underlined).
 */
export function SourceChange(props: { field: LoadedField | undefined }) {
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
