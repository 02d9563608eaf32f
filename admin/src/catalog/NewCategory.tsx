import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, request, type Issue } from '../api.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { CATEGORY_TEXTS } from './CategoryTexts.js';
import { CREATE_CATEGORY } from './catalogOperations.js';
import { issueAt } from './issues.js';
import './catalog.css';

/**
 * A new category (admin) in both languages. Categories are public at once, so the API refuses
 * one without English unless an admin overrides it (offered only to those who may publish); its
 * refusal is explained and its issues appear at the fields they name.
 */
export function NewCategory() {
  const { token, can } = useSession();
  const [, navigate] = useLocation();
  const language = useLanguage();
  const w = useWords();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!can('MANAGE_CATEGORIES'))
    return (
      <section aria-labelledby="new-category-title" className="catalog">
        <h2 id="new-category-title">{w('catalog.newCategory')}</h2>
        <p role="alert">{w('catalog.adminsChange')}</p>
        <Link href="/categories">{w('catalog.backToCategories')}</Link>
      </section>
    );

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const localized = (name: string) => ({
      ko: text(`${name}-ko`),
      ...(text(`${name}-en`).trim() ? { en: text(`${name}-en`) } : {}),
    });
    const description = localized('description');
    const input = {
      slug: text('slug').trim(),
      order: Number(text('order')),
      name: localized('name'),
      ...(description.ko || description.en ? { description } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const { createCategory } = await request(token, CREATE_CATEGORY, {
        input,
        allowUntranslated: override || null,
      });
      navigate(`/categories/${createCategory.slug}`);
    } catch (failure) {
      const refused =
        failure instanceof ApiError ? failure : new ApiError(String(failure), 'SERVER');
      setIssues(refused.issues);
      setError(explain(refused));
      setBusy(false);
    }
  }

  function explain(refused: ApiError): string {
    if (refused.code === 'CONFLICT') return w('catalog.slugTaken');
    if (refused.code !== 'BAD_USER_INPUT') return errorWord(language, refused.code);
    const untranslated = refused.issues.some((issue) => issue.path.length === 2);
    if (!untranslated) return `${w('catalog.refused')} ${refused.message}`;
    return `${w('catalog.refused')} ${w(can('PUBLISH') ? 'catalog.needsEnglishAdmin' : 'catalog.needsEnglish')}`;
  }

  return (
    <form
      onSubmit={(event) => void create(event)}
      aria-labelledby="new-category-title"
      className="catalog"
    >
      <p>
        <Link href="/categories">{w('catalog.backToCategories')}</Link>
      </p>
      <h2 id="new-category-title">{w('catalog.newCategory')}</h2>
      <div className="fields">
        {(['slug', 'order'] as const).map((name) => (
          <div key={name} className="side">
            <label htmlFor={`new-category-${name}`}>
              {w(name === 'slug' ? 'slug' : 'catalog.order')}
            </label>
            <input
              id={`new-category-${name}`}
              name={name}
              required
              {...(name === 'order' ? { type: 'number', min: 0, max: 10000 } : {})}
              aria-invalid={issueAt(issues, name) ? true : undefined}
              aria-describedby={issueAt(issues, name) ? `new-category-${name}-issue` : undefined}
            />
            {issueAt(issues, name) && (
              <p id={`new-category-${name}-issue`} className="error">
                {issueAt(issues, name)}
              </p>
            )}
          </div>
        ))}
      </div>
      {CATEGORY_TEXTS.map((name) => (
        <fieldset key={name} className="pair">
          <legend>{w(`field.${name}`)}</legend>
          {(['ko', 'en'] as const).map((locale) => {
            const id = `new-category-${name}-${locale}`;
            const problem = issueAt(issues, name, locale);
            return (
              <div key={locale} className="side">
                <label htmlFor={id}>{w(locale === 'ko' ? 'korean' : 'english')}</label>
                <textarea
                  id={id}
                  name={`${name}-${locale}`}
                  lang={locale}
                  rows={name === 'name' ? 1 : 3}
                  required={name === 'name' && locale === 'ko'}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-issue` : undefined}
                />
                {problem && (
                  <p id={`${id}-issue`} className="error">
                    {problem}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {can('PUBLISH') && (
        <label className="check">
          <input
            type="checkbox"
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
          />
          {w('catalog.allowUntranslated')}
        </label>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {w('catalog.create')}
      </button>
    </form>
  );
}
