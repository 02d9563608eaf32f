import { useState, type FormEvent } from 'react';
import { conceptInputSchema } from '../../src/domain/concept.js';
import { ApiError, request, type Issue } from './api.js';
import { CREATE_CONCEPT } from './conceptOperations.js';
import { Link, useLocation } from 'wouter';
import { useWords } from './language.js';
import { useSession } from './session.js';

const TEXTS = ['term', 'summary', 'definition'] as const;

/**
 * A new draft concept in both languages. It is checked with the API's own schema before it is
 * sent; those issues, like the API's, appear at the fields they name.
 */
export function NewConcept() {
  const { token } = useSession();
  const [, navigate] = useLocation();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const w = useWords();
  const issueAt = (...path: string[]) =>
    issues.find((issue) => path.every((part, i) => issue.path[i + 1] === part))?.message;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const localized = (field: string) => ({
      ko: text(`${field}-ko`),
      ...(text(`${field}-en`) ? { en: text(`${field}-en`) } : {}),
    });
    const input = {
      slug: text('slug'),
      category: text('category'),
      term: localized('term'),
      summary: localized('summary'),
      definition: localized('definition'),
    };
    const checked = conceptInputSchema.safeParse(input);
    if (!checked.success) {
      // The API's paths (`['input', 'term', 'ko']`), so both kinds of issue show alike.
      setIssues(
        checked.error.issues.map((issue) => ({
          path: [
            'input',
            ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
          ],
          message: issue.message,
        })),
      );
      setError(w('editor.invalid'));
      return;
    }
    try {
      const { createConcept } = await request(token, CREATE_CONCEPT, { input });
      navigate(`/concepts/${createConcept.slug}`);
    } catch (failure) {
      setIssues(failure instanceof ApiError ? failure.issues : []);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <form onSubmit={(event) => void create(event)} aria-labelledby="new-title">
      <p>
        <Link href="/">{w('back')}</Link>
      </p>
      <h2 id="new-title">{w('newConcept')}</h2>
      {(['slug', 'category'] as const).map((name) => (
        <div key={name} className="side">
          <label htmlFor={`new-${name}`}>{w(name)}</label>
          <input
            id={`new-${name}`}
            name={name}
            required
            aria-invalid={issueAt(name) ? true : undefined}
            aria-describedby={issueAt(name) ? `new-${name}-issue` : undefined}
          />
          {issueAt(name) && (
            <p id={`new-${name}-issue`} className="error">
              {issueAt(name)}
            </p>
          )}
        </div>
      ))}
      {TEXTS.map((field) => (
        <fieldset key={field} className="pair">
          <legend>{w(field)}</legend>
          {(['ko', 'en'] as const).map((locale) => (
            <div key={locale} className="side">
              <label htmlFor={`new-${field}-${locale}`}>
                {w(locale === 'ko' ? 'korean' : 'english')}
              </label>
              <textarea
                id={`new-${field}-${locale}`}
                name={`${field}-${locale}`}
                lang={locale}
                rows={field === 'term' ? 1 : 3}
                aria-invalid={issueAt(field, locale) ? true : undefined}
                aria-describedby={
                  issueAt(field, locale) ? `new-${field}-${locale}-issue` : undefined
                }
              />
              {issueAt(field, locale) && (
                <p id={`new-${field}-${locale}-issue`} className="error">
                  {issueAt(field, locale)}
                </p>
              )}
            </div>
          ))}
        </fieldset>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{w('create')}</button>
    </form>
  );
}
