import { Link } from 'wouter';
import { request } from '../api.js';
import { useWords } from '../language.js';
import { useSession } from '../session.js';
import { LoadState } from '../translations/LoadState.js';
import { StateBadge } from '../translations/StateBadge.js';
import { useApiQuery } from '../translations/useApiQuery.js';
import { CATEGORY_LIST } from './catalogOperations.js';
import './catalog.css';

/** The categories in display order: Korean and English names, English state, concepts; admins add one. */
export function CategoryList() {
  const { token, can } = useSession();
  const w = useWords();
  const list = useApiQuery(() => request(token, CATEGORY_LIST), token);
  return (
    <section aria-labelledby="categories-title" className="catalog">
      <div className="bar">
        <h2 id="categories-title">{w('catalog.categories')}</h2>
        {can('MANAGE_CATEGORIES') && (
          <Link href="/categories/new" className="button">
            {w('catalog.newCategory')}
          </Link>
        )}
      </div>
      <LoadState query={list}>
        {({ categories }) =>
          categories.length === 0 ? (
            <p>{w('catalog.noCategories')}</p>
          ) : (
            <ul className="items" data-testid="category-list">
              {categories.map((category) => (
                <li key={category.slug}>
                  <Link href={`/categories/${category.slug}`}>
                    <span lang="ko">{category.name}</span>
                  </Link>{' '}
                  <span lang="en">
                    {category.translation.fields.find((field) => field.path === 'name')
                      ?.translation ?? '—'}
                  </span>{' '}
                  <code>{category.slug}</code> · {w('catalog.order')} {category.order} ·{' '}
                  {w('catalog.conceptCount')} {category.concepts.length} ·{' '}
                  <StateBadge state={category.translation.state} />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
