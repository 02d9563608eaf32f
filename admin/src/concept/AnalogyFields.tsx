import { useWords } from '../language.js';
import { EMPTY } from './draft.js';
import { ItemList } from './ItemList.js';
import { PlainInput } from './PlainInput.js';
import { TextPair } from './TextPair.js';

/**
 * One analogy: its domain and text, the pairs it maps (familiar thing ↔ what it stands for,
 * optionally linked to a concept) and where it breaks down, all in both languages.
 */
export function AnalogyFields(props: { index: number; label: string }) {
  const w = useWords();
  const at = ['analogies', props.index];
  return (
    <div className="item">
      <TextPair
        path={[...at, 'domain']}
        label={`${props.label} · ${w('editor.domain')}`}
        rows={1}
      />
      <TextPair path={[...at, 'text']} label={`${props.label} · ${w('editor.text')}`} rows={3} />
      <ItemList
        path={[...at, 'mapping']}
        label={`${props.label} · ${w('editor.mapping')}`}
        itemLabel={`${props.label} ${w('editor.pair')}`}
        empty={EMPTY.pair}
      >
        {(j, label) => (
          <div className="item">
            <TextPair
              path={[...at, 'mapping', j, 'source']}
              label={`${label} · ${w('editor.source')}`}
              rows={1}
            />
            <TextPair
              path={[...at, 'mapping', j, 'target']}
              label={`${label} · ${w('editor.target')}`}
              rows={1}
            />
            <PlainInput
              path={[...at, 'mapping', j, 'concept']}
              label={`${label} · ${w('editor.pairConcept')}`}
            />
          </div>
        )}
      </ItemList>
      <ItemList
        path={[...at, 'caveats']}
        label={`${props.label} · ${w('editor.caveats')}`}
        itemLabel={`${props.label} ${w('editor.caveat')}`}
        empty={EMPTY.text}
      >
        {(j, label) => <TextPair path={[...at, 'caveats', j]} label={label} />}
      </ItemList>
    </div>
  );
}
