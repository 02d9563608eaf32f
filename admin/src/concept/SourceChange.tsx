import { SourceDiff } from '../SourceDiff.js';
import type { LoadedField } from './fromLoaded.js';

/**
 * For outdated English: how the Korean changed since it was translated, as the translator needs
 * to see it (removed text struck through, added text underlined).
 */
export function SourceChange(props: { field: LoadedField | undefined }) {
  const diff = props.field?.state === 'OUTDATED' ? props.field.sourceDiff : null;
  if (!diff) return null;
  return <SourceDiff diff={diff} testId={`diff-${props.field!.path}`} />;
}
