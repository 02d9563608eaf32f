import { useState, type FormEvent } from 'react';
import { ApiError, request, type Issue } from '../api.js';
import type { CategoryDetailQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { SourceDiff } from '../SourceDiff.js';
import { StateBadge } from '../translations/StateBadge.js';
import { CATEGORY_TEXTS } from './CategoryTexts.js';
import { UPDATE_CATEGORY } from './catalogOperations.js';
import { issueAt } from './issues.js';
import { TranslationChoice, type Choice } from './TranslationChoice.js';

type Field = NonNullable<CategoryDetailQuery['translationStatus']>['translation']['fields'][number];
type Text = (typeof CATEGORY_TEXTS)[number];
type Locale = 'ko' | 'en';
type Edits = Partial<Record<`${Text}.${Locale}` | 'order', string>>;

/**
 * A category's name and description, Korean and English side by side with each English's
 * state, and its order, for an admin to change. A save sends only what changed, with the version
 * the form was loaded at; after a CONFLICT the latest is loaded under what was typed, which is
 * kept to be saved again. A Korean change asks what becomes of the English (the API's choice).
 */
export function CategoryEditor(props: {
  slug: string;
  order: number;
  version: number;
  fields: readonly Field[];
  reload: () => Promise<void>;
}) {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [edits, setEdits] = useState<Edits>({});
  const [choice, setChoice] = useState<Choice>('retranslate');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const field = (name: Text) => props.fields.find((f) => f.path === name);
  const server = (name: Text, locale: Locale) =>
    (locale === 'ko' ? field(name)?.source : field(name)?.translation) ?? '';
  const shown = (name: Text, locale: Locale) => edits[`${name}.${locale}`] ?? server(name, locale);
  const koreanChanged = CATEGORY_TEXTS.some(
    (name) => edits[`${name}.ko`] !== undefined && edits[`${name}.ko`] !== server(name, 'ko'),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const patch: Record<string, unknown> = {};
    for (const name of CATEGORY_TEXTS) {
      const changed: Record<string, string | null> = {};
      for (const locale of ['ko', 'en'] as const) {
        const value = edits[`${name}.${locale}`];
        if (value !== undefined && value !== server(name, locale))
          changed[locale] = value.trim() === '' && locale === 'en' ? null : value;
      }
      if (Object.keys(changed).length === 0) continue;
      // An emptied description (both languages) is removed; a locale emptied alone is sent so.
      patch[name] =
        name === 'description' && shown(name, 'ko') === '' && shown(name, 'en') === ''
          ? null
          : changed;
    }
    if (edits.order !== undefined && Number(edits.order) !== props.order)
      patch.order = Number(edits.order);
    if (Object.keys(patch).length === 0) {
      setMessage({ kind: 'ok', text: w('catalog.nothingChanged') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await request(token, UPDATE_CATEGORY, {
        slug: props.slug,
        patch,
        version: props.version,
        needsRetranslation: koreanChanged && choice === 'typo' ? false : null,
        allowUntranslated: koreanChanged && choice === 'override' ? true : null,
      });
      setEdits({});
      setIssues([]);
      setChoice('retranslate');
      await props.reload();
      setMessage({ kind: 'ok', text: w('saved') });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      setIssues(failure.issues);
      if (failure.code === 'CONFLICT') {
        // What was typed stays in `edits`; the latest version comes in under it.
        await props.reload();
        setMessage({ kind: 'error', text: w('catalog.conflict') });
      } else {
        setMessage({ kind: 'error', text: refusal(failure) });
      }
    } finally {
      setBusy(false);
    }
  }

  function refusal(failure: ApiError): string {
    if (failure.code !== 'BAD_USER_INPUT') return errorWord(language, failure.code);
    const english = failure.issues.some((issue) => issue.path.length === 2);
    return `${w('catalog.refused')} ${english ? w('catalog.refusedEnglish') : failure.message}`;
  }

  return (
    <form onSubmit={(event) => void save(event)} aria-label={w('catalog.editCategory')}>
      <div className="side narrow">
        <label htmlFor="category-order">{w('catalog.order')}</label>
        <input
          id="category-order"
          type="number"
          min={0}
          max={10000}
          value={edits.order ?? String(props.order)}
          aria-invalid={issueAt(issues, 'order') ? true : undefined}
          aria-describedby={issueAt(issues, 'order') ? 'category-order-issue' : undefined}
          onChange={(event) => setEdits({ ...edits, order: event.target.value })}
        />
        {issueAt(issues, 'order') && (
          <p id="category-order-issue" className="error">
            {issueAt(issues, 'order')}
          </p>
        )}
      </div>
      {CATEGORY_TEXTS.map((name) => (
        <fieldset key={name} className="pair">
          <legend>
            {w(`field.${name}`)}{' '}
            <StateBadge state={field(name)?.state ?? 'MISSING'} testId={`state-${name}`} />
          </legend>
          {(['ko', 'en'] as const).map((locale) => {
            const id = `category-${name}-${locale}`;
            const problem = issueAt(issues, name, locale);
            return (
              <div key={locale} className="side">
                <label htmlFor={id}>{w(locale === 'ko' ? 'korean' : 'english')}</label>
                <textarea
                  id={id}
                  lang={locale}
                  rows={name === 'name' ? 1 : 3}
                  value={shown(name, locale)}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-issue` : undefined}
                  onChange={(event) =>
                    setEdits({ ...edits, [`${name}.${locale}`]: event.target.value })
                  }
                />
                {problem && (
                  <p id={`${id}-issue`} className="error">
                    {problem}
                  </p>
                )}
                {locale === 'en' && field(name)?.sourceDiff && (
                  <SourceDiff diff={field(name)!.sourceDiff!} />
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {koreanChanged && <TranslationChoice value={choice} onChange={setChoice} />}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {w('save')}
      </button>
    </form>
  );
}
