import type { ImportSeedFilesMutation } from '../gql/graphql.js';
import { useWords } from '../language.js';
import type { WordKey } from '../words/index.js';

/** An import's answer: the diff per document type, the conflicts and the files' problems. */
export type ImportAnswer = ImportSeedFilesMutation['importSeedFiles'];
type CollectionDiff = ImportAnswer['collections'][number];

// The changes an apply makes, in the order shown; unchanged and kept are folded away.
const CHANGES = ['created', 'updated', 'deleted'] as const;

/** Documents the import would write (created, updated or deleted). */
export function changeCount(answer: ImportAnswer): number {
  return answer.collections.reduce(
    (n, diff) => n + CHANGES.reduce((m, change) => m + diff[change].length, 0),
    0,
  );
}

/** The name of a document type (`concepts` → 개념). */
export function collectionWord(collection: string): WordKey {
  return `import.collection.${collection}` as WordKey;
}

/**
 * A dry run's diff, grouped by document type: for each, how many documents are created,
 * updated, deleted, unchanged (and kept, without prune), with the ids of what changes.
 */
export function ImportDiff(props: { answer: ImportAnswer }) {
  const w = useWords();
  const { answer } = props;
  return (
    <div className="import-diff">
      {answer.conflicts.length > 0 && (
        <div className="conflicts" data-testid="import-conflicts">
          <h3>{w('import.conflicts')}</h3>
          <ul>
            {answer.conflicts.map((conflict) => (
              <li key={`${conflict.collection}/${conflict.id}`}>
                {w(collectionWord(conflict.collection))}: <code>{conflict.id}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {answer.collections.map((diff) => (
        <CollectionChanges key={diff.collection} diff={diff} />
      ))}
    </div>
  );
}

function CollectionChanges(props: { diff: CollectionDiff }) {
  const w = useWords();
  const { diff } = props;
  const headingId = `import-${diff.collection}`;
  return (
    <section aria-labelledby={headingId} data-testid={headingId} className="collection">
      <h3 id={headingId}>{w(collectionWord(diff.collection))}</h3>
      <ul className="counts">
        {[...CHANGES, 'unchanged' as const, 'kept' as const].map((kind) =>
          kind === 'kept' && diff.kept.length === 0 ? null : (
            <li key={kind} className={`count ${kind}`} data-testid={`${kind}-count`}>
              {w(`import.${kind}`)} <strong>{diff[kind].length}</strong>
            </li>
          ),
        )}
      </ul>
      {CHANGES.map((kind) =>
        diff[kind].length === 0 ? null : (
          <div key={kind} className="ids">
            <h4>{w(`import.${kind}`)}</h4>
            <ul data-testid={`${kind}-ids`}>
              {diff[kind].map((id) => (
                <li key={id}>
                  <code>{id}</code>
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
      {diff.kept.length > 0 && (
        <details>
          <summary>{w('import.kept')}</summary>
          <ul>
            {diff.kept.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The files' problems, each at its file and line, as the seed loader reports them. */
export function ImportIssues(props: { issues: ImportAnswer['issues'] }) {
  return (
    <ul className="issues" data-testid="import-issues">
      {props.issues.map((issue, i) => (
        <li key={i}>
          <code>
            {issue.file}
            {issue.line !== null && issue.line !== undefined && `:${issue.line}`}
          </code>
          {issue.path && (
            <>
              {' '}
              · <code>{issue.path}</code>
            </>
          )}{' '}
          — {issue.message}
        </li>
      ))}
    </ul>
  );
}
