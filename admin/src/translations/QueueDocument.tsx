import { Link } from 'wouter';
import type { QueuedDocumentFragment } from '../gql/graphql.js';
import { useLanguage, useWords } from '../language.js';
import { QueueEntry } from './QueueEntry.js';
import { StateBadge } from './StateBadge.js';

// Where a document is edited in this console, if it has a screen (lessons and relations have
// none yet: their texts are translated here only).
const SCREEN: Partial<Record<QueuedDocumentFragment['type'], string>> = {
  CONCEPT: '/concepts/',
  CATEGORY: '/categories/',
  COMPARISON: '/comparisons/',
};

/**
 * One document in the translation queue: what it is, since when its Korean waits for English,
 * and one entry per text that needs work (only the states asked for).
 */
export function QueueDocument(props: {
  document: QueuedDocumentFragment;
  fields: QueuedDocumentFragment['translation']['fields'];
  onChanged: (document: QueuedDocumentFragment, done: string) => void;
  onStale: () => Promise<void>;
}) {
  const { document } = props;
  const language = useLanguage();
  const w = useWords();
  const screen = SCREEN[document.type];
  const headingId = `doc-${document.type}-${document.id}`.replace(/[^\w-]/g, '_');
  return (
    <article className="queued" aria-labelledby={headingId} data-testid={`queued-${document.id}`}>
      <h3 id={headingId}>
        {screen ? <Link href={`${screen}${document.id}`}>{document.title}</Link> : document.title}{' '}
        <code>{document.id}</code>
      </h3>
      <p className="meta">
        {w(`queue.type.${document.type}`)}
        {document.status && ` · ${w(document.status)}`} · {w('version')} {document.version} ·{' '}
        <StateBadge state={document.translation.state} /> · {w('queue.since')}{' '}
        <time dateTime={document.since}>
          {new Date(document.since).toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB')}
        </time>
      </p>
      {props.fields.map((field) => (
        <QueueEntry
          key={field.path}
          document={document}
          field={field}
          onChanged={props.onChanged}
          onStale={props.onStale}
        />
      ))}
    </article>
  );
}
