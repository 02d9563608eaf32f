import type { ReactNode } from 'react';
import { useWords } from '../language.js';
import { getAt, type DraftPath } from './draft.js';
import { idOf, useEditor } from './editorContext.js';
import { Problems } from './Problems.js';

/**
 * A list of the concept (examples, details, an analogy's pairs …): its items, each with a
 * remove button naming it ("Remove Example 2"), and an add button appending `empty()`.
 */
export function ItemList<T>(props: {
  path: DraftPath;
  /** The list's name (legend). */
  label: string;
  /** One item's name, numbered from 1 ("Example 2"). */
  itemLabel: string;
  empty: () => T;
  children: (index: number, label: string) => ReactNode;
}) {
  const { draft, set, issues, readOnly } = useEditor();
  const w = useWords();
  const items = (getAt(draft, props.path) as T[] | undefined) ?? [];
  const id = idOf(props.path);
  const problems = issues(props.path);
  return (
    <fieldset
      className="list"
      id={id}
      aria-describedby={problems.length ? `${id}-issue` : undefined}
    >
      <legend>{props.label}</legend>
      {items.length === 0 && <p className="none">{w('editor.none')}</p>}
      <ol>
        {items.map((_, i) => {
          const label = `${props.itemLabel} ${i + 1}`;
          return (
            <li key={i}>
              {props.children(i, label)}
              {!readOnly && (
                <button
                  type="button"
                  className="remove"
                  onClick={() =>
                    set(
                      props.path,
                      items.filter((__, j) => j !== i),
                    )
                  }
                >
                  {w('editor.remove')} <span className="visually-hidden">{label}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <Problems id={`${id}-issue`} messages={problems} />
      {!readOnly && (
        <button
          type="button"
          className="add"
          onClick={() => set(props.path, [...items, props.empty()])}
        >
          {w('editor.add')} <span className="visually-hidden">{props.itemLabel}</span>
        </button>
      )}
    </fieldset>
  );
}
