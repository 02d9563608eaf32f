import { useWords } from '../language.js';
import { AnalogyFields } from './AnalogyFields.js';
import { EMPTY, type FacetDraft, type MediaDraft } from './draft.js';
import { idOf, useEditor } from './editorContext.js';
import { ItemList } from './ItemList.js';
import { PlainInput } from './PlainInput.js';
import { TextPair } from './TextPair.js';

/** Every field of a concept a patch may change, in the order readers see them. */
export function ConceptFields() {
  const w = useWords();
  return (
    <>
      <PlainInput path={['category']} label={w('category')} />
      <TextPair path={['term']} label={w('term')} rows={1} />
      <ItemList
        path={['aliases']}
        label={w('editor.aliases')}
        itemLabel={w('editor.alias')}
        empty={() => ''}
      >
        {(i, label) => <PlainInput path={['aliases', i]} label={label} />}
      </ItemList>
      <TextPair path={['summary']} label={w('summary')} />
      <TextPair path={['definition']} label={w('definition')} rows={4} />
      <ItemList<FacetDraft>
        path={['details']}
        label={w('editor.details')}
        itemLabel={w('editor.detail')}
        empty={EMPTY.facet}
      >
        {(i, label) => (
          <div className="item">
            <TextPair
              path={['details', i, 'title']}
              label={`${label} · ${w('editor.title')}`}
              rows={1}
            />
            <TextPair
              path={['details', i, 'text']}
              label={`${label} · ${w('editor.text')}`}
              rows={3}
            />
            <OriginChoice index={i} label={`${label} · ${w('editor.origin')}`} />
          </div>
        )}
      </ItemList>
      <ItemList
        path={['examples']}
        label={w('editor.examples')}
        itemLabel={w('editor.example')}
        empty={EMPTY.text}
      >
        {(i, label) => <TextPair path={['examples', i]} label={label} />}
      </ItemList>
      <ItemList
        path={['limitations']}
        label={w('editor.limitations')}
        itemLabel={w('editor.limitation')}
        empty={EMPTY.text}
      >
        {(i, label) => <TextPair path={['limitations', i]} label={label} />}
      </ItemList>
      <ItemList
        path={['analogies']}
        label={w('editor.analogies')}
        itemLabel={w('editor.analogy')}
        empty={EMPTY.analogy}
      >
        {(i, label) => <AnalogyFields index={i} label={label} />}
      </ItemList>
      <ItemList<MediaDraft>
        path={['media']}
        label={w('editor.media')}
        itemLabel={w('editor.image')}
        empty={EMPTY.media}
      >
        {(i, label) => (
          <div className="item">
            <PlainInput path={['media', i, 'path']} label={`${label} · ${w('editor.path')}`} />
            <TextPair path={['media', i, 'alt']} label={`${label} · ${w('editor.alt')}`} />
            <Available index={i} label={`${label} · ${w('editor.available')}`} />
          </div>
        )}
      </ItemList>
    </>
  );
}

// Where a facet comes from: the lesson note, or the editors (general knowledge it lacks).
function OriginChoice(props: { index: number; label: string }) {
  const { draft, set, readOnly } = useEditor();
  const w = useWords();
  const path = ['details', props.index, 'origin'];
  return (
    <div className="side">
      <label htmlFor={idOf(path)}>{props.label}</label>
      <select
        id={idOf(path)}
        value={draft.details[props.index]?.origin ?? 'lesson'}
        disabled={readOnly}
        onChange={(event) => set(path, event.target.value)}
      >
        <option value="lesson">{w('editor.origin.lesson')}</option>
        <option value="editorial">{w('editor.origin.editorial')}</option>
      </select>
    </div>
  );
}

function Available(props: { index: number; label: string }) {
  const { draft, set, readOnly } = useEditor();
  const path = ['media', props.index, 'available'];
  return (
    <label className="check">
      <input
        type="checkbox"
        id={idOf(path)}
        checked={draft.media[props.index]?.available ?? false}
        disabled={readOnly}
        onChange={(event) => set(path, event.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}
