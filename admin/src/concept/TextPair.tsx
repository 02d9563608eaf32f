import { useWords } from '../language.js';
import type { TextDraft, DraftPath } from './draft.js';
import { getAt } from './draft.js';
import { idOf, useEditor } from './editorContext.js';
import { Problems } from './Problems.js';
import { SourceChange } from './SourceChange.js';

/**
 * One text of the concept in Korean and English side by side, with the English's translation
 * state and, when it is outdated, how the Korean changed since. The state is the loaded one
 * while both texts are as loaded; once edited it says "not saved" (the API decides the state).
 */
export function TextPair(props: { path: DraftPath; label: string; rows?: number }) {
  const { draft, set, field, issues, readOnly } = useEditor();
  const w = useWords();
  const value = getAt(draft, props.path) as TextDraft;
  const key = props.path.join('.');
  const loaded = field(key);
  const asLoaded =
    loaded !== undefined && loaded.source === value.ko && (loaded.translation ?? '') === value.en;
  const state = asLoaded ? loaded.state : value.en === '' ? 'MISSING' : 'EDITED';
  const whole = issues(props.path);
  // Tall enough for the longer of the two texts (long definitions), so neither scrolls inside.
  const longest = Math.max(value.ko.length, value.en.length * 0.5);
  const rows = Math.min(14, Math.max(props.rows ?? 2, Math.ceil(longest / 40)));
  return (
    <fieldset className="pair">
      <legend>
        {props.label}{' '}
        <span className={`state ${state}`} data-testid={`state-${key}`}>
          {w(state === 'EDITED' ? 'editor.unsaved' : state)}
        </span>
      </legend>
      {(['ko', 'en'] as const).map((locale) => {
        const id = `${idOf(props.path)}-${locale}`;
        const problems = [...whole, ...issues([...props.path, locale])];
        return (
          <div key={locale} className="side">
            <label htmlFor={id}>{w(locale === 'ko' ? 'korean' : 'english')}</label>
            <textarea
              id={id}
              lang={locale}
              rows={rows}
              value={value[locale]}
              readOnly={readOnly}
              aria-invalid={problems.length > 0 ? true : undefined}
              aria-describedby={problems.length > 0 ? `${id}-issue` : undefined}
              onChange={(event) => set([...props.path, locale], event.target.value)}
            />
            <Problems id={`${id}-issue`} messages={problems} />
            {locale === 'en' && asLoaded && <SourceChange field={loaded} />}
          </div>
        );
      })}
    </fieldset>
  );
}
