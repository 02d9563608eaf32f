import { Link } from 'wouter';
import { request } from '../api.js';
import type { ComparisonDetailQuery } from '../gql/graphql.js';
import { useWords } from '../language.js';
import { useSession } from '../session.js';
import { LoadState } from '../translations/LoadState.js';
import { StateBadge } from '../translations/StateBadge.js';
import { useApiQuery } from '../translations/useApiQuery.js';
import { COMPARISON_DETAIL } from './catalogOperations.js';
import './catalog.css';

type Field = NonNullable<
  NonNullable<ComparisonDetailQuery['comparison']>['translation']
>['fields'][number];

/**
 * One authored comparison, read-only: its title and description, then its table with every
 * label and cell point in Korean and in English, each English that is not current marked with
 * its state. (The API has no mutation that edits a comparison; its English is written in the
 * translation queue.)
 */
export function ComparisonView(props: { slug: string }) {
  const { token } = useSession();
  const w = useWords();
  const detail = useApiQuery(
    () => request(token, COMPARISON_DETAIL, { slug: props.slug }),
    `${token} ${props.slug}`,
  );
  return (
    <section aria-labelledby="comparison-title" className="catalog">
      <p>
        <Link href="/comparisons">{w('catalog.backToComparisons')}</Link>
      </p>
      <LoadState query={detail}>
        {({ comparison, english }) => {
          if (!comparison?.translation)
            return (
              <>
                <h2 id="comparison-title">
                  <code>{props.slug}</code>
                </h2>
                <p role="alert" className="error">
                  {w('catalog.noSuchComparison')}
                </p>
              </>
            );
          const fields = new Map(comparison.translation.fields.map((f) => [f.path, f]));
          const points = (row: number, cell: number) =>
            comparison.translation!.fields.filter((f) =>
              f.path.startsWith(`rows.${row}.cells.${cell}.`),
            );
          const { current, outdated, missing } = comparison.translation;
          return (
            <>
              <h2 id="comparison-title">
                {fields.get('title')?.source} <code>{comparison.slug}</code>
              </h2>
              <p>
                <StateBadge state={comparison.translation.state} testId="comparison-state" /> ·{' '}
                {w('CURRENT')} {current} · {w('OUTDATED')} {outdated} · {w('MISSING')} {missing}
                {comparison.source && (
                  <>
                    {' '}
                    · {w('catalog.fromLesson')} {comparison.source.lesson.title}
                  </>
                )}
              </p>
              <p>
                {w('catalog.comparisonsReadOnly')}{' '}
                <Link href="/translations">{w('catalog.translateInQueue')}</Link>
              </p>
              <dl className="texts">
                {(['title', 'description'] as const).map((name) =>
                  fields.get(name) ? (
                    <div key={name}>
                      <dt>{w(`field.${name}`)}</dt>
                      <dd>
                        <Both field={fields.get(name)!} />
                      </dd>
                    </div>
                  ) : null,
                )}
              </dl>
              <div
                className="table-scroll"
                role="region"
                aria-labelledby="comparison-table-caption"
                tabIndex={0}
              >
                <table data-testid="comparison-table">
                  <caption id="comparison-table-caption">{w('catalog.table')}</caption>
                  <thead>
                    <tr>
                      <td />
                      {comparison.concepts.map((concept, i) => (
                        <th key={concept.slug} scope="col">
                          <Link href={`/concepts/${concept.slug}`} lang="ko">
                            {concept.term}
                          </Link>
                          <span lang="en" className="en">
                            {english?.concepts[i]?.term}
                          </span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.rows.map((row, r) => (
                      <tr key={row.key}>
                        <th scope="row">
                          {fields.get(`rows.${r}.label`) && (
                            <Both field={fields.get(`rows.${r}.label`)!} />
                          )}
                        </th>
                        {comparison.concepts.map((concept, c) => (
                          <td key={concept.slug}>
                            <ul>
                              {points(r, c).map((point) => (
                                <li key={point.path}>
                                  <Both field={point} />
                                </li>
                              ))}
                            </ul>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

// One text in both languages; English that is not current says so.
function Both(props: { field: Field }) {
  const { field } = props;
  return (
    <span className="both" data-path={field.path}>
      <span lang="ko">{field.source}</span>
      <span lang="en" className="en">
        {field.translation ?? '—'}
        {field.state !== 'CURRENT' && (
          <>
            {' '}
            <StateBadge state={field.state} />
          </>
        )}
      </span>
    </span>
  );
}
