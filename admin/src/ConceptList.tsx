import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { request } from './api.js';
import { CONCEPT_LIST } from './conceptOperations.js';
import type { ConceptListQuery } from './gql/graphql.js';
import { useWords } from './language.js';
import { useSession } from './session.js';

type Item = ConceptListQuery['concepts']['edges'][number]['node'];

/** Every concept (drafts included), filtered by status, each with its English's state. */
export function ConceptList() {
  const { token, can } = useSession();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'ALL' | 'DRAFT' | 'PUBLISHED'>('ALL');
  const w = useWords();

  useEffect(() => {
    request(token, CONCEPT_LIST).then(
      ({ concepts }) => setItems(concepts.edges.map((edge) => edge.node)),
      (failure: unknown) => setError(String(failure)),
    );
  }, [token]);

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
        {can('CREATE_DRAFT') && (
          <Link href="/concepts/new" className="button">
            {w('newConcept')}
          </Link>
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
              <Link href={`/concepts/${item.slug}`}>{item.term}</Link> <code>{item.slug}</code> ·{' '}
              {w(item.status)} ·{' '}
              <span className={`state ${item.translation.state}`}>{w(item.translation.state)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
