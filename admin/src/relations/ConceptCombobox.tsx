import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { ApiError, request } from '../api.js';
import type { RelationTargetsQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { useDebounced } from '../useDebounced.js';
import { RELATION_TARGETS } from './relationOperations.js';

/** A concept the combobox offers. */
export type Target = RelationTargetsQuery['search'][number]['concept'];

/**
 * A concept picked by the API's search, as an ARIA 1.2 combobox with a list popup: typing
 * searches, ArrowDown/ArrowUp move through the found concepts, Enter picks, Escape closes the
 * list (then clears the text). Keys pressed while an IME is composing (Korean) belong to the IME:
 * Enter there finishes a syllable, it never picks. `offer` says which found concepts may be
 * picked (not this concept itself; for an editor, only drafts when this one is published).
 */
export function ConceptCombobox(props: {
  label: string;
  help: string;
  picked: Target | null;
  onPick: (target: Target | null) => void;
  offer: (target: Target) => boolean;
}) {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<Target[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useDebounced(text.trim(), 200);
  const { offer } = props;

  // An answer that arrives after a newer question is dropped.
  useEffect(() => {
    if (!query || props.picked) {
      setFound(null);
      return;
    }
    let current = true;
    setError(null);
    request(token, RELATION_TARGETS, { query, locale: language === 'en' ? 'EN' : 'KO' }).then(
      ({ search }) => {
        if (!current) return;
        setFound(search.map((hit) => hit.concept).filter(offer));
        setActive(-1);
      },
      (failure: unknown) => {
        if (current) setError(failure instanceof ApiError ? failure.code : 'SERVER');
      },
    );
    return () => {
      current = false;
    };
  }, [token, query, language, offer, props.picked]);

  const options = found ?? [];
  const expanded = open && options.length > 0;

  function pick(target: Target) {
    props.onPick(target);
    setText(target.term);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // While composing, keys are the IME's (Enter commits the syllable being typed).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      // Enter in the combobox picks; it never submits the form around it.
      event.preventDefault();
      const target = expanded ? options[active] : undefined;
      if (target) pick(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else {
        setText('');
        props.onPick(null);
      }
    }
  }

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="side combobox">
      <label htmlFor={`${id}-input`}>{props.label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-help`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (props.picked) props.onPick(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <small id={`${id}-help`}>{props.help}</small>
      <ul id={listId} role="listbox" aria-label={props.label} hidden={!expanded}>
        {options.map((target, index) => (
          <li
            key={target.slug}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(target);
            }}
          >
            {target.term} <span className="slug">{target.slug}</span>
            {target.status === 'DRAFT' && <span className="tag"> · {w('DRAFT')}</span>}
          </li>
        ))}
      </ul>
      <p role="status" className="hint">
        {error
          ? errorWord(language, error)
          : query && !props.picked && found
            ? found.length === 0
              ? w('relations.noTarget')
              : `${w('relations.found')}: ${found.length}`
            : ''}
      </p>
    </div>
  );
}
