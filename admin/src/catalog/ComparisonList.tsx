import { Link } from 'wouter';
import { request } from '../api.js';
import { useWords } from '../language.js';
import { useSession } from '../session.js';
import { LoadState } from '../translations/LoadState.js';
import { StateBadge } from '../translations/StateBadge.js';
import { useApiQuery } from '../translations/useApiQuery.js';
import { COMPARISON_LIST } from './catalogOperations.js';
import './catalog.css';

/** The authored comparison tables: what each compares, its size and its English's state. */
export function ComparisonList() {
  const { token } = useSession();
  const w = useWords();
  const list = useApiQuery(() => request(token, COMPARISON_LIST), token);
  return (
    <section aria-labelledby="comparisons-title" className="catalog">
      <h2 id="comparisons-title">{w('catalog.comparisons')}</h2>
      <p>{w('catalog.comparisonsReadOnly')}</p>
      <LoadState query={list}>
        {({ comparisons }) =>
          comparisons.length === 0 ? (
            <p>{w('catalog.noComparisons')}</p>
          ) : (
            <ul className="items" data-testid="comparison-list">
              {comparisons.map((comparison) => (
                <li key={comparison.slug}>
                  <Link href={`/comparisons/${comparison.slug}`}>
                    <span lang="ko">{comparison.title}</span>
                  </Link>{' '}
                  <code>{comparison.slug}</code> ·{' '}
                  {comparison.concepts.map((c) => c.term).join(', ')} · {w('catalog.rowCount')}{' '}
                  {comparison.rows.length}
                  {comparison.translation && (
                    <>
                      {' '}
                      · <StateBadge state={comparison.translation.state} />
                    </>
                  )}
                  {comparison.description && (
                    <p lang="ko" className="snippet">
                      {comparison.description}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
