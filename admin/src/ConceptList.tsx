import { useEffect, useState } from 'react';
import { request } from './api.js';
import { CONCEPT_LIST } from './conceptOperations.js';
import type { ConceptListQuery } from './gql/graphql.js';
import type { UiLanguage } from './i18n.js';
import { word } from './words.js';

type Item = ConceptListQuery['concepts']['edges'][number]['node'];

/** Every concept (drafts included), filtered by status, each with its English's state. */
export function ConceptList(props: {
  token: string;
  language: UiLanguage;
  canCreate: boolean;
  onOpen: (slug: string) => void;
  onNew: () => void;
}) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'ALL' | 'DRAFT' | 'PUBLISHED'>('ALL');
  const w = (key: Parameters<typeof word>[1]) => word(props.language, key);

  useEffect(() => {
    request(props.token, CONCEPT_LIST).then(
      ({ concepts }) => setItems(concepts.edges.map((edge) => edge.node)),
      (failure: unknown) => setError(String(failure)),
    );
  }, [props.token]);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!items) return <p role="status">{w('loading')}</p>;
  const shown = items.filter((item) => status === 'ALL' || item.status === status);
  return (
    <section aria-labelledby="concepts-title">
      <div className="bar">
        <h2 id="concepts-title">{w('concepts')}</h2>
        {props.canCreate && (
          <button type="button" onClick={props.onNew}>
            {w('newConcept')}
          </button>
        )}
      </div>
      <label htmlFor="status-filter">{w('status')}</label>
      <select
        id="status-filter"
        value={status}
        onChange={(event) => setStatus(event.target.value as typeof status)}
      >
        <option value="ALL">{w('allStatuses')}</option>
        <option value="DRAFT">{w('DRAFT')}</option>
        <option value="PUBLISHED">{w('PUBLISHED')}</option>
      </select>
      {shown.length === 0 ? (
        <p>{w('empty')}</p>
      ) : (
        <ul className="items">
          {shown.map((item) => (
            <li key={item.slug}>
              <button type="button" className="link" onClick={() => props.onOpen(item.slug)}>
                {item.term}
              </button>{' '}
              <code>{item.slug}</code> · {w(item.status)} ·{' '}
              <span className={`state ${item.translation.state}`}>{w(item.translation.state)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
