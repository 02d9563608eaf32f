import { useWords } from './language.js';

/** One run of the API's character diff of the Korean. */
export interface TextChange {
  kind: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

/**
 * How the Korean changed since the English was made from it, as a translator reads it: removed
 * text struck through (`<del>`), added text underlined (`<ins>`), the rest as it was. One
 * rendering for every screen that shows outdated English (concepts, lessons, the queue, categories).
 */
export function SourceDiff(props: { diff: readonly TextChange[]; id?: string; testId?: string }) {
  const w = useWords();
  return (
    <figure className="diff" id={props.id} data-testid={props.testId}>
      <figcaption>{w('koreanChange')}</figcaption>
      <p lang="ko">
        {props.diff.map((change, i) =>
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
