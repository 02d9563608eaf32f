import {
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { useWords } from '../language.js';
import {
  acceptCompletion,
  completionTrigger,
  matchingConcepts,
  type CompletionTrigger,
  type LinkableConcept,
} from './conceptCompletion.js';

/** What a markdown field needs: its text, its label, the concepts a link may name. */
export interface MarkdownFieldProps {
  id: string;
  label: string;
  lang: 'ko' | 'en';
  value: string;
  onChange: (value: string) => void;
  onFocus?: () => void;
  concepts: readonly LinkableConcept[];
  /** An issue the API reported at this text (shown below it and tied to it). */
  issue?: string | undefined;
  readOnly?: boolean;
}

/**
 * A plain textarea for lesson markdown (accessible and IME-safe as the browser makes it), with
 * completion of concept links: after `](concept:` it suggests the concepts whose slug, term or
 * alias matches what follows, as a listbox tied to the textarea (ARIA combobox pattern:
 * `aria-autocomplete`, `aria-controls`, `aria-activedescendant`). Arrows choose, Enter or Tab
 * accept, Escape closes; keys pressed during an IME composition are left to the IME.
 */
export function MarkdownField(props: MarkdownFieldProps) {
  const w = useWords();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [trigger, setTrigger] = useState<CompletionTrigger | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const caretAfter = useRef<number | null>(null);

  const options = trigger ? matchingConcepts(props.concepts, trigger.query) : [];
  const open = trigger !== null && dismissedAt !== trigger.start && options.length > 0;
  const listId = `${props.id}-completions`;
  const optionId = (i: number) => `${listId}-${i}`;
  const chosen = Math.min(active, Math.max(options.length - 1, 0));

  // After accepting, the caret goes after the inserted link (once React has written the text).
  useLayoutEffect(() => {
    if (caretAfter.current === null || !ref.current) return;
    ref.current.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  });

  function follow(field: HTMLTextAreaElement) {
    const next = completionTrigger(field.value, field.selectionStart, field.selectionEnd);
    if (next?.start !== trigger?.start) setActive(0);
    setTrigger(next);
  }

  function accept(slug: string) {
    const field = ref.current;
    if (!field || !trigger) return;
    const done = acceptCompletion(field.value, field.selectionStart, trigger, slug);
    caretAfter.current = done.caret;
    setTrigger(null);
    props.onChange(done.text);
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // An IME composing Korean owns these keys (Enter commits the syllable).
    if (event.nativeEvent.isComposing || event.keyCode === 229 || !open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((chosen + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      accept(options[chosen]!.slug);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(trigger.start);
    }
  }

  const described = [`${props.id}-help`, props.issue ? `${props.id}-issue` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="markdown-field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        ref={ref}
        id={props.id}
        lang={props.lang}
        className="markdown"
        value={props.value}
        readOnly={props.readOnly}
        spellCheck={false}
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(chosen) : undefined}
        aria-invalid={props.issue ? true : undefined}
        aria-describedby={described}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          props.onChange(event.target.value);
          follow(event.target);
        }}
        onSelect={(event: SyntheticEvent<HTMLTextAreaElement>) => follow(event.currentTarget)}
        onKeyDown={keyDown}
        onFocus={props.onFocus}
        onBlur={() => setTrigger(null)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={w('lesson.completions')} className="completions">
          {options.map((concept, i) => (
            <li
              key={concept.slug}
              id={optionId(i)}
              role="option"
              aria-selected={i === chosen}
              // Keep the focus (and the caret) in the textarea while choosing with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => accept(concept.slug)}
            >
              <code>{concept.slug}</code> {concept.term}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {open ? w('lesson.completionCount').replace('{n}', String(options.length)) : ''}
      </p>
      <small id={`${props.id}-help`}>{w('lesson.markdownHelp')}</small>
      {props.issue && (
        <p id={`${props.id}-issue`} className="error">
          {props.issue}
        </p>
      )}
    </div>
  );
}
