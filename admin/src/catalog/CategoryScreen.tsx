import { Link } from 'wouter';
import { request } from '../api.js';
import { useWords } from '../language.js';
import { useSession } from '../session.js';
import { LoadState } from '../translations/LoadState.js';
import { StateBadge } from '../translations/StateBadge.js';
import { useApiQuery } from '../translations/useApiQuery.js';
import { CategoryEditor } from './CategoryEditor.js';
import { CategoryTexts } from './CategoryTexts.js';
import { CATEGORY_DETAIL } from './catalogOperations.js';
import './catalog.css';

/**
 * One category: its name and description in both languages with each English's state, and its
 * concepts. Admins edit it in place; everyone else reads it (the API lets only admins change it).
 */
export function CategoryScreen(props: { slug: string }) {
  const { token, can } = useSession();
  const w = useWords();
  const detail = useApiQuery(
    () => request(token, CATEGORY_DETAIL, { slug: props.slug }),
    `${token} ${props.slug}`,
  );
  return (
    <section aria-labelledby="category-title" className="catalog">
      <p>
        <Link href="/categories">{w('catalog.backToCategories')}</Link>
      </p>
      <LoadState query={detail}>
        {({ category, translationStatus: status }) =>
          !category || !status ? (
            <>
              <h2 id="category-title">
                <code>{props.slug}</code>
              </h2>
              <p role="alert" className="error">
                {w('catalog.noSuchCategory')}
              </p>
            </>
          ) : (
            <>
              <h2 id="category-title">
                {status.translation.fields.find((f) => f.path === 'name')?.source}{' '}
                <code>{category.slug}</code>
              </h2>
              <p>
                {w('version')} <span data-testid="category-version">{status.version}</span> ·{' '}
                <StateBadge state={status.translation.state} testId="category-state" />
              </p>
              {can('MANAGE_CATEGORIES') ? (
                <CategoryEditor
                  slug={category.slug}
                  order={category.order}
                  version={status.version}
                  fields={status.translation.fields}
                  reload={detail.reload}
                />
              ) : (
                <>
                  <p>{w('catalog.adminsChange')}</p>
                  <CategoryTexts order={category.order} fields={status.translation.fields} />
                </>
              )}
              <h3>{w('concepts')}</h3>
              {category.concepts.length === 0 ? (
                <p>{w('catalog.noConcepts')}</p>
              ) : (
                <ul className="items">
                  {category.concepts.map((concept) => (
                    <li key={concept.slug}>
                      <Link href={`/concepts/${concept.slug}`}>{concept.term}</Link>{' '}
                      <code>{concept.slug}</code>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        }
      </LoadState>
    </section>
  );
}
