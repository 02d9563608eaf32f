import { getAt, type DraftPath } from './draft.js';
import { idOf, useEditor } from './editorContext.js';
import { Problems } from './Problems.js';

/** A value of the concept in no particular language (an alias, a slug, an image path). */
export function PlainInput(props: { path: DraftPath; label: string; help?: string }) {
  const { draft, set, issues, readOnly } = useEditor();
  const id = idOf(props.path);
  const problems = issues(props.path);
  const described = [problems.length ? `${id}-issue` : '', props.help ? `${id}-help` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="side">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={(getAt(draft, props.path) as string | undefined) ?? ''}
        readOnly={readOnly}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => set(props.path, event.target.value)}
      />
      {props.help && (
        <p id={`${id}-help`} className="help">
          {props.help}
        </p>
      )}
      <Problems id={`${id}-issue`} messages={problems} />
    </div>
  );
}
