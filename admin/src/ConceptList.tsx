import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, request } from './api.js';
import { CATEGORY_CHOICES, CONCEPT_LIST, SEARCH_CONCEPTS } from './conceptOperations.js';
import type { CategoryChoicesQuery, ConceptListQuery } from './gql/graphql.js';
import { errorWord, useLanguage, useWords } from './language.js';
import { Snippet } from './Snippet.js';
import { useSession } from './session.js';
import { useDebounced } from './useDebounced.js';

type Item = ConceptListQuery['concepts']['edges'][number]['node'];
type Found = { item: Item; snippet?: string };
type Status = 'ALL' | 'DRAFT' | 'PUBLISHED';
type State = 'ALL' | 'CURRENT' | 'OUTDATED' | 'MISSING';

/**
 * The concepts an editor may see (drafts included), each with its status and its English's
 * state: found through the API's search, or listed by category page by page, then narrowed by
 * status and translation state.
 */
export function ConceptList() {
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [categories, setCategories] = useState<CategoryChoicesQuery['categories']>([]);
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState<Status>('ALL');
  const [state, setState] = useState<State>('ALL');
  const [query, setQuery] = useState('');
  const searched = useDebounced(query.trim(), 250);
  const [found, setFound] = useState<Found[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request(token, CATEGORY_CHOICES).then(
      ({ categories }) => setCategories(categories),
      () => setCategories([]), // the filter is a convenience: the list still works without it
    );
  }, [token]);

  // One effect per question asked; an answer that arrives after a newer question is dropped.
  useEffect(() => {
    let current = true;
    setFound(null);
    setError(null);
    const asked = searched
      ? request(token, SEARCH_CONCEPTS, { query: searched }).then(({ search }) => ({
          found: search.map((hit) => ({ item: hit.concept, snippet: hit.snippet })),
          next: null,
          total: search.length,
        }))
      : request(token, CONCEPT_LIST, { category: category || null }).then(({ concepts }) => ({
          found: concepts.edges.map((edge) => ({ item: edge.node })),
          next: concepts.pageInfo.hasNextPage ? (concepts.pageInfo.endCursor ?? null) : null,
          total: concepts.totalCount,
        }));
    asked.then(
      (answer) => {
        if (!current) return;
        setFound(answer.found);
        setNext(answer.next);
        setTotal(answer.total);
      },
      (failure: unknown) => {
        if (current) setError(failure instanceof ApiError ? failure.code : 'SERVER');
      },
    );
    return () => {
      current = false;
    };
  }, [token, searched, category]);

  async function loadMore() {
    if (!next) return;
    try {
      const { concepts } = await request(token, CONCEPT_LIST, {
        category: category || null,
        after: next,
      });
      setFound([...(found ?? []), ...concepts.edges.map((edge) => ({ item: edge.node }))]);
      setNext(concepts.pageInfo.hasNextPage ? (concepts.pageInfo.endCursor ?? null) : null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.code : 'SERVER');
    }
  }

  const shown = (found ?? []).filter(
    ({ item }) =>
      (status === 'ALL' || item.status === status) &&
      (state === 'ALL' || item.translation.state === state) &&
      (!searched || !category || item.category.slug === category),
  );

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
      <search className="filters">
        <div className="side">
          <label htmlFor="concept-search">{w('list.search')}</label>
          <input
            id="concept-search"
            type="search"
            value={query}
            maxLength={200}
            aria-describedby="concept-search-help"
            onChange={(event) => setQuery(event.target.value)}
          />
          <small id="concept-search-help">{w('list.searchHelp')}</small>
        </div>
        <div className="side">
          <label htmlFor="category-filter">{w('category')}</label>
          <select
            id="category-filter"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
          >
            <option value="">{w('list.allCategories')}</option>
            {categories.map((choice) => (
              <option key={choice.slug} value={choice.slug}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
        <div className="side">
          <label htmlFor="status-filter">{w('status')}</label>
          <select
            id="status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
          >
            <option value="ALL">{w('allStatuses')}</option>
            <option value="DRAFT">{w('DRAFT')}</option>
            <option value="PUBLISHED">{w('PUBLISHED')}</option>
          </select>
        </div>
        <div className="side">
          <label htmlFor="state-filter">{w('list.translation')}</label>
          <select
            id="state-filter"
            value={state}
            onChange={(event) => setState(event.target.value as State)}
          >
            <option value="ALL">{w('list.allStates')}</option>
            <option value="CURRENT">{w('CURRENT')}</option>
            <option value="OUTDATED">{w('OUTDATED')}</option>
            <option value="MISSING">{w('MISSING')}</option>
          </select>
        </div>
      </search>
      {error ? (
        <p role="alert" className="error">
          {errorWord(language, error)}
        </p>
      ) : !found ? (
        <p role="status">{w('loading')}</p>
      ) : (
        <>
          <p role="status" data-testid="concept-count">
            {searched ? w('list.foundCount') : w('list.shownCount')}: {shown.length}
            {!searched && ` / ${total}`}
          </p>
          {shown.length === 0 ? (
            <p>{searched ? w('list.nothingFound') : w('empty')}</p>
          ) : (
            <ul className="items">
              {shown.map(({ item, snippet }) => (
                <li key={item.slug}>
                  <Link href={`/concepts/${item.slug}`}>{item.term}</Link> <code>{item.slug}</code>{' '}
                  · {w(item.status)} ·{' '}
                  <span className={`state ${item.translation.state}`}>
                    {w(item.translation.state)}
                  </span>
                  {snippet && <Snippet html={snippet} />}
                </li>
              ))}
            </ul>
          )}
          {next && (
            <button type="button" onClick={() => void loadMore()}>
              {w('list.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
