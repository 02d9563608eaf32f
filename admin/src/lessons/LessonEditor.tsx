import { useCallback, useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, request, type Issue } from '../api.js';
import type { LessonTextsQuery, LinkableConceptsQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import type { LinkableConcept } from './conceptCompletion.js';
import { issuePlace } from './issuePlace.js';
import { LessonPreview } from './LessonPreview.js';
import { LessonStatus } from './LessonStatus.js';
import { LINKABLE_CONCEPTS, LESSON_TEXTS, UPSERT_LESSON } from './lessonOperations.js';
import { MarkdownField } from './MarkdownField.js';
import { SectionStates } from './SectionStates.js';
import './lessons.css';

type Loaded = { ko: NonNullable<LessonTextsQuery['ko']>; en: NonNullable<LessonTextsQuery['en']> };
type Locale = 'ko' | 'en';
type Key = `${'markdown' | 'title' | 'summary'}.${Locale}`;
type Texts = Record<Key, string>;
const META: Key[] = ['title.ko', 'title.en', 'summary.ko', 'summary.en'];

/**
 * One lesson's markdown, title and summary, Korean (the source) and English side by side, with
 * the state of each English text, a live preview from the API and publishing. What the user
 * types is kept apart from what the server holds: a save sends the changed locale(s) with the
 * version the user started from (both in one upsertLesson when both changed); after a CONFLICT the latest version is loaded under the user's
 * edits, which are then saved on top of it. Ctrl+S saves.
 */
export function LessonEditor(props: { slug: string }) {
  const { slug } = props;
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [lesson, setLesson] = useState<Loaded | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [edits, setEdits] = useState<Partial<Texts>>({});
  const [issues, setIssues] = useState<{ locale: Locale; list: Issue[] }>({
    locale: 'ko',
    list: [],
  });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [untranslated, setUntranslated] = useState(false);
  const [allowUntranslated, setAllowUntranslated] = useState(false);
  const [saving, setSaving] = useState(false);
  const [previewLocale, setPreviewLocale] = useState<Locale>('ko');
  const [concepts, setConcepts] = useState<LinkableConcept[]>([]);

  const load = useCallback(async () => {
    const found = await request(token, LESSON_TEXTS, { slug });
    setLesson(found.ko && found.en ? { ko: found.ko, en: found.en } : null);
  }, [slug, token]);

  useEffect(() => {
    load().catch((error: unknown) => setFailure(error instanceof ApiError ? error.code : 'SERVER'));
  }, [load]);

  // Every concept a link may name, page by page; without them the editor works, uncompleted.
  useEffect(() => {
    let current = true;
    void (async () => {
      const all: LinkableConcept[] = [];
      let after: string | null = null;
      do {
        const { concepts: page }: LinkableConceptsQuery = await request(token, LINKABLE_CONCEPTS, {
          after,
        });
        all.push(...page.edges.map((edge) => edge.node));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after && current);
      if (current) setConcepts(all);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [token]);

  if (failure)
    return (
      <p role="alert" className="error">
        {errorWord(language, failure)}
      </p>
    );
  if (lesson === undefined) return <p role="status">{w('loading')}</p>;
  if (lesson === null)
    return (
      <p role="alert" className="error">
        {w('lesson.notFound')} <Link href="/lessons">{w('lesson.back')}</Link>
      </p>
    );

  const fields = lesson.ko.translation.fields;
  const stateOf = (path: string) => fields.find((field) => field.path === path)?.state;
  // English read in English falls back to Korean where there is none: show none instead.
  const hasEnglishText = fields.some(
    (f) => f.path.startsWith('sections.') && f.state !== 'MISSING',
  );
  const server: Texts = {
    'markdown.ko': lesson.ko.markdown,
    'markdown.en': hasEnglishText ? lesson.en.markdown : '',
    'title.ko': lesson.ko.title,
    'title.en': stateOf('title') === 'MISSING' ? '' : lesson.en.title,
    'summary.ko': lesson.ko.summary ?? '',
    'summary.en': stateOf('summary') === 'MISSING' ? '' : (lesson.en.summary ?? ''),
  };
  const shown = (key: Key) => edits[key] ?? server[key];
  const changed = (key: Key) => edits[key] !== undefined && edits[key] !== server[key];
  const published = lesson.ko.status === 'PUBLISHED';
  const mayEdit = published ? can('EDIT_PUBLISHED') : can('EDIT_DRAFT');

  // Where an issue of the API points: a text of the form (else the section list, by anchor).
  const issueAt = (key: Key) =>
    issues.list.find((issue) => {
      const place = issuePlace(issue, issues.locale);
      return 'text' in place && place.text === key;
    })?.message;

  async function save() {
    if (!lesson || saving || !mayEdit) return;
    const metaChanged = META.some(changed);
    const koChanged = changed('markdown.ko');
    const enChanged = changed('markdown.en');
    if (!koChanged && !enChanged && !metaChanged) return;
    const localized = (field: 'title' | 'summary') =>
      META.some((key) => key.startsWith(field) && changed(key))
        ? { ko: shown(`${field}.ko`) || null, en: shown(`${field}.en`) || null }
        : null;
    let version = lesson.ko.version;
    let saved = 0;
    let locale: Locale = 'ko';
    // What each step stored: those edits are dropped once the lesson is reloaded, unless the
    // user typed on meanwhile (what they typed after pressing save stays an edit).
    const stored: Partial<Texts> = {};
    const settle = async () => {
      await load();
      setEdits((before) =>
        Object.fromEntries(
          Object.entries(before).filter(([key, value]) => stored[key as Key] !== value),
        ),
      );
    };
    setSaving(true);
    setMessage(null);
    // Both columns changed: one save carries both (the English as `otherMarkdown`), so a
    // section added or removed in both lines up; saved one after the other, the first would be
    // refused for not lining up with the other as stored.
    const together = koChanged && enChanged;
    try {
      // Korean first (with the title and summary), then English, each on the version before.
      for (const step of ['ko', 'en'] as const) {
        const needed =
          step === 'ko' ? koChanged || (metaChanged && !enChanged) : enChanged && !together;
        if (!needed) continue;
        locale = step;
        const withMeta = saved === 0;
        const withEnglish = step === 'ko' && together;
        const { upsertLesson } = await request(token, UPSERT_LESSON, {
          slug,
          markdown: shown(`markdown.${step}`),
          otherMarkdown: withEnglish ? shown('markdown.en') : null,
          locale: step === 'ko' ? 'KO' : 'EN',
          version,
          title: withMeta ? localized('title') : null,
          summary: withMeta ? localized('summary') : null,
          allowUntranslated: allowUntranslated || null,
        });
        version = upsertLesson.version;
        saved++;
        const keys = [`markdown.${step}`, ...(withEnglish ? ['markdown.en'] : [])];
        for (const key of [...keys, ...(withMeta ? META : [])] as Key[]) {
          stored[key] = shown(key);
        }
      }
      setIssues({ locale, list: [] });
      setConflict(false);
      setUntranslated(false);
      setAllowUntranslated(false);
      setMessage({ kind: 'ok', text: w('saved') });
      await settle();
    } catch (error) {
      const refused = error instanceof ApiError ? error : new ApiError(String(error), 'SERVER');
      const isConflict = refused.code === 'CONFLICT';
      const isUntranslated =
        refused.code === 'BAD_USER_INPUT' &&
        published &&
        refused.issues.some((issue) => /English/.test(issue.message));
      setIssues({ locale, list: refused.issues });
      setConflict(isConflict);
      setUntranslated(isUntranslated);
      setMessage({
        kind: 'error',
        text: isConflict
          ? w('conflict')
          : isUntranslated
            ? w('lesson.untranslatedRefused')
            : refused.issues.length > 0
              ? w('lesson.saveRefused')
              : errorWord(language, refused.code),
      });
      // A first step saved: the next save starts from its version.
      if (saved > 0) await settle().catch(() => undefined);
    } finally {
      setSaving(false);
    }
  }

  async function reloadLatest() {
    await load();
    setConflict(false);
    setMessage(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  function keyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.nativeEvent.isComposing) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!conflict) void save();
    }
  }

  const textField = (key: Key, rows: number) => {
    const [field, locale] = key.split('.') as ['title' | 'summary', Locale];
    const id = `lesson-${field}-${locale}`;
    const problem = issueAt(key);
    return (
      <div className="side" key={key}>
        <label htmlFor={id}>{w(locale === 'ko' ? 'korean' : 'english')}</label>
        <textarea
          id={id}
          lang={locale}
          rows={rows}
          value={shown(key)}
          readOnly={!mayEdit}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-issue` : undefined}
          onChange={(event) => setEdits({ ...edits, [key]: event.target.value })}
        />
        {problem && (
          <p id={`${id}-issue`} className="error">
            {problem}
          </p>
        )}
      </div>
    );
  };

  const englishCurrent = lesson.ko.translation.state === 'CURRENT';
  // The preview asks about the other column's text too when it has unsaved changes, as a save
  // of both would send it.
  const otherLocale: Locale = previewLocale === 'ko' ? 'en' : 'ko';
  return (
    <>
      <p>
        <Link href="/lessons">{w('lesson.back')}</Link>
      </p>
      <form
        className="lesson-editor"
        aria-labelledby="lesson-title"
        onSubmit={submit}
        onKeyDown={keyDown}
      >
        <h2 id="lesson-title">
          {lesson.ko.title} <code>{slug}</code>
        </h2>
        <p>
          {w('status')}: <span data-testid="status">{w(lesson.ko.status)}</span> · {w('version')}{' '}
          <span data-testid="version">{lesson.ko.version}</span> ·{' '}
          <span className={`state ${lesson.ko.translation.state}`}>
            {w(lesson.ko.translation.state)}
          </span>
        </p>
        {!mayEdit && <p>{w('lesson.publishedEditorOnly')}</p>}
        <fieldset className="pair">
          <legend>{w('lesson.title')}</legend>
          {textField('title.ko', 1)}
          {textField('title.en', 1)}
        </fieldset>
        <fieldset className="pair">
          <legend>{w('lesson.summary')}</legend>
          {textField('summary.ko', 2)}
          {textField('summary.en', 2)}
        </fieldset>
        <fieldset className="pair">
          <legend>{w('lesson.markdown')}</legend>
          {(['ko', 'en'] as const).map((locale) => (
            <MarkdownField
              key={locale}
              id={`lesson-markdown-${locale}`}
              label={w(locale === 'ko' ? 'korean' : 'english')}
              lang={locale}
              value={shown(`markdown.${locale}`)}
              readOnly={!mayEdit}
              concepts={concepts}
              issue={issueAt(`markdown.${locale}`)}
              onFocus={() => setPreviewLocale(locale)}
              onChange={(value) =>
                setEdits((before) => ({ ...before, [`markdown.${locale}`]: value }))
              }
            />
          ))}
        </fieldset>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
        {untranslated && can('EDIT_PUBLISHED') && can('PUBLISH') && (
          <label className="check">
            <input
              type="checkbox"
              checked={allowUntranslated}
              onChange={(event) => setAllowUntranslated(event.target.checked)}
            />
            {w('lesson.allowUntranslated')}
          </label>
        )}
        {mayEdit && (
          <div className="actions">
            {conflict ? (
              <button type="button" onClick={() => void reloadLatest()}>
                {w('reloadLatest')}
              </button>
            ) : (
              <button type="submit" disabled={saving}>
                {saving ? w('lesson.saving') : w('save')}
              </button>
            )}
          </div>
        )}
        <h3>{w('lesson.sections')}</h3>
        <SectionStates fields={fields} issues={issues.list} saved={issues.locale} />
        <h3 id="preview-title">{w('lesson.preview')}</h3>
        <fieldset className="radios">
          <legend>{w('lesson.previewOf')}</legend>
          {(['ko', 'en'] as const).map((locale) => (
            <label key={locale}>
              <input
                type="radio"
                name="preview-locale"
                value={locale}
                checked={previewLocale === locale}
                onChange={() => setPreviewLocale(locale)}
              />
              {w(locale === 'ko' ? 'korean' : 'english')}
            </label>
          ))}
        </fieldset>
        <small>{w('lesson.previewHelp')}</small>
        {shown(`markdown.${previewLocale}`).trim() === '' ? (
          <p>{w('lesson.noEnglish')}</p>
        ) : (
          <LessonPreview
            slug={slug}
            locale={previewLocale}
            markdown={shown(`markdown.${previewLocale}`)}
            otherMarkdown={
              changed(`markdown.${otherLocale}`) ? shown(`markdown.${otherLocale}`) : null
            }
          />
        )}
        <h3>{w('publish')}</h3>
        <LessonStatus
          slug={slug}
          status={lesson.ko.status}
          version={lesson.ko.version}
          englishCurrent={englishCurrent}
          onChanged={load}
        />
      </form>
    </>
  );
}
