import type { ConceptHistoryQuery } from '../gql/graphql.js';
import { useLanguage, useWords } from '../language.js';
import type { WordKey } from '../words/index.js';
import type { ChangeKind } from './changeKind.js';
import { historyFieldLabel } from './historyFieldLabel.js';

/** A version as the history query lists it. */
export type Version = ConceptHistoryQuery['conceptHistory'][number];

const KIND_WORDS: Record<ChangeKind['kind'], WordKey> = {
  created: 'history.created',
  deleted: 'history.deleted',
  published: 'history.published',
  unpublished: 'history.unpublished',
  edited: 'history.edited',
  unchanged: 'history.unchanged',
  unknown: 'history.unknown',
};

/**
 * Who wrote a version, in words: `admin:3f2a…` is the role and its token's fingerprint; a tool
 * (the importer, an XLIFF import) is named as recorded.
 */
function author(updatedBy: string | null | undefined, w: (key: WordKey) => string): string {
  if (!updatedBy) return w('history.unknownAuthor');
  const [role, fingerprint] = updatedBy.split(':');
  if (role === 'admin' || role === 'editor') {
    return `${w(role === 'admin' ? 'role.ADMIN' : 'role.EDITOR')} ${fingerprint ?? ''}`.trim();
  }
  return updatedBy;
}

/** One version in the list: when, who, what kind of change, its translation events. */
export function VersionEntry(props: { version: Version; change: ChangeKind; current: boolean }) {
  const { version, change } = props;
  const w = useWords();
  const language = useLanguage();
  const when = new Date(version.updatedAt).toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className="version-entry">
      <p className="version-head">
        <strong>
          {w('version')} {version.version}
        </strong>
        {props.current && <span className="tag"> ({w('history.current')})</span>} ·{' '}
        <time dateTime={version.updatedAt}>{when}</time> · {author(version.updatedBy, w)}
      </p>
      <p data-testid="change-kind">
        {w(KIND_WORDS[change.kind])}
        {change.kind === 'edited' &&
          `: ${change.fields.map((field) => historyFieldLabel(field, w)).join(', ')}`}
      </p>
      {version.translationEvents.length > 0 && (
        <ul className="events">
          {version.translationEvents.map((event, index) => (
            <li key={index}>
              {w(`history.event.${event.kind}`)}:{' '}
              {event.paths.map((path) => historyFieldLabel(path, w)).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
