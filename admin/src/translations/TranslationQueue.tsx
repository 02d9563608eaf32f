import { useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../api.js';
import type { QueuedDocumentFragment, TranslatableType } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { LoadState } from './LoadState.js';
import { QueueDocument } from './QueueDocument.js';
import { QUEUED_DOCUMENT_NOW, TRANSLATION_QUEUE } from './translationOperations.js';
import { useApiQuery } from './useApiQuery.js';
import './translations.css';

type StateFilter = 'ALL' | 'OUTDATED' | 'MISSING';
type TypeFilter = 'ALL' | TranslatableType;
type Page = { documents: QueuedDocumentFragment[]; total: number; next: string | null };

const TYPES: TranslatableType[] = ['CONCEPT', 'LESSON', 'CATEGORY', 'COMPARISON', 'RELATION'];
const PAGE_SIZE = 10;

/**
 * The translators' work list: every document whose English is not CURRENT, the oldest change
 * of the Korean first (the API's order), narrowed by state and kind of document, a page at a
 * time. Each text is translated or confirmed in place; a text that becomes CURRENT leaves the
 * list, and a document leaves it with its last such text.
 */
export function TranslationQueue() {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [state, setState] = useState<StateFilter>('ALL');
  const [type, setType] = useState<TypeFilter>('ALL');
  // What the last action did, with a count so that the same message twice is news again.
  const [done, setDone] = useState<{ text: string; count: number } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const announce = useRef<HTMLParagraphElement>(null);
  const states = state === 'ALL' ? null : [state];
  const variables = { states, type: type === 'ALL' ? null : type, first: PAGE_SIZE };

  const queue = useApiQuery<Page>(async () => {
    const { translationQueue } = await request(token, TRANSLATION_QUEUE, variables);
    return toPage(translationQueue);
  }, `${token} ${state} ${type}`);

  // Which of a document's texts this list shows: those not CURRENT, in the states asked for.
  const waiting = (document: QueuedDocumentFragment) =>
    document.translation.fields.filter(
      (field) => field.state !== 'CURRENT' && (!states || states.includes(field.state)),
    );

  function replace(document: QueuedDocumentFragment | null, id: string, kind: string) {
    const page = queue.data;
    if (!page) return;
    const gone = !document || waiting(document).length === 0;
    queue.setData({
      ...page,
      total: gone ? page.total - 1 : page.total,
      documents: gone
        ? page.documents.filter((d) => !(d.id === id && d.type === kind))
        : page.documents.map((d) => (d.id === id && d.type === kind ? document : d)),
    });
  }

  function changed(document: QueuedDocumentFragment, message: string) {
    replace(document, document.id, document.type);
    setDone({ text: message, count: (done?.count ?? 0) + 1 });
  }

  // The entry the focus was in is gone: keep the keyboard user in the list, told what happened
  // (after rendering, when the message is shown and can take the focus).
  useEffect(() => {
    if (done) announce.current?.focus();
  }, [done]);

  async function reloadDocument(document: QueuedDocumentFragment) {
    const { translationStatus } = await request(token, QUEUED_DOCUMENT_NOW, {
      type: document.type,
      id: document.id,
    });
    replace(translationStatus, document.id, document.type);
  }

  async function more() {
    const page = queue.data;
    if (!page?.next) return;
    setMoreError(null);
    try {
      const { translationQueue } = await request(token, TRANSLATION_QUEUE, {
        ...variables,
        after: page.next,
      });
      const added = toPage(translationQueue);
      const known = new Set(page.documents.map((d) => `${d.type} ${d.id}`));
      queue.setData({
        documents: [
          ...page.documents,
          ...added.documents.filter((d) => !known.has(`${d.type} ${d.id}`)),
        ],
        total: added.total,
        next: added.next,
      });
    } catch (error) {
      setMoreError(error instanceof ApiError ? error.code : 'SERVER');
    }
  }

  return (
    <section aria-labelledby="queue-title" className="queue">
      <h2 id="queue-title">{w('queue.title')}</h2>
      <p>{w('queue.intro')}</p>
      <search className="filters">
        <div className="side">
          <label htmlFor="queue-state">{w('queue.stateFilter')}</label>
          <select
            id="queue-state"
            value={state}
            onChange={(event) => setState(event.target.value as StateFilter)}
          >
            <option value="ALL">{w('queue.allStates')}</option>
            <option value="OUTDATED">{w('OUTDATED')}</option>
            <option value="MISSING">{w('MISSING')}</option>
          </select>
        </div>
        <div className="side">
          <label htmlFor="queue-type">{w('queue.typeFilter')}</label>
          <select
            id="queue-type"
            value={type}
            onChange={(event) => setType(event.target.value as TypeFilter)}
          >
            <option value="ALL">{w('queue.allTypes')}</option>
            {TYPES.map((kind) => (
              <option key={kind} value={kind}>
                {w(`queue.type.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </search>
      <p role="status" ref={announce} tabIndex={-1} className="ok" data-testid="queue-done">
        {done?.text}
      </p>
      <LoadState query={queue}>
        {(page) => (
          <>
            <p data-testid="queue-count">
              {w('queue.count')}: {page.total}
            </p>
            {page.documents.length === 0 ? (
              <p className="ok">{w('queue.empty')}</p>
            ) : (
              page.documents.map((document) => (
                <QueueDocument
                  key={`${document.type} ${document.id}`}
                  document={document}
                  fields={waiting(document)}
                  onChanged={changed}
                  onStale={() => reloadDocument(document)}
                />
              ))
            )}
            {moreError && (
              <p role="alert" className="error">
                {errorWord(language, moreError)}
              </p>
            )}
            {page.next && (
              <button type="button" onClick={() => void more()}>
                {w('list.more')}
              </button>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

function toPage(connection: {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: QueuedDocumentFragment }[];
}): Page {
  return {
    documents: connection.edges.map((edge) => edge.node),
    total: connection.totalCount,
    next: connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null,
  };
}
