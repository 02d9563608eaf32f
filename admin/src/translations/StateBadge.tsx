import { useWords } from '../language.js';

/** A translation state (CURRENT, OUTDATED, MISSING) as the coloured badge the console uses. */
export function StateBadge(props: { state: 'CURRENT' | 'OUTDATED' | 'MISSING'; testId?: string }) {
  const w = useWords();
  return (
    <span className={`state ${props.state}`} data-testid={props.testId}>
      {w(props.state)}
    </span>
  );
}
