import { useWords } from '../language.js';
import { useSession } from '../session.js';

/** What becomes of the English when a public text's Korean changes (the API's three answers). */
export type Choice = 'retranslate' | 'typo' | 'override';

/**
 * Asks what a Korean change means for the English: it is updated in the same save (else the API
 * refuses, since categories are public), the change is a typo that needs no new English, or (an
 * admin's recorded override, offered only to those who may publish) it stays with outdated English.
 */
export function TranslationChoice(props: { value: Choice; onChange: (choice: Choice) => void }) {
  const { can } = useSession();
  const w = useWords();
  const choices: Choice[] = can('PUBLISH')
    ? ['retranslate', 'typo', 'override']
    : ['retranslate', 'typo'];
  return (
    <fieldset className="choice">
      <legend>{w('catalog.koreanChanged')}</legend>
      {choices.map((choice) => (
        <label key={choice} className="check">
          <input
            type="radio"
            name="translation-choice"
            value={choice}
            checked={props.value === choice}
            onChange={() => props.onChange(choice)}
          />
          {w(`catalog.choice.${choice}`)}
        </label>
      ))}
    </fieldset>
  );
}
