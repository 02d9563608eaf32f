import type { CategoryDetailQuery } from '../gql/graphql.js';
import { useWords } from '../language.js';
import { SourceDiff } from '../SourceDiff.js';
import { StateBadge } from '../translations/StateBadge.js';

type Field = NonNullable<CategoryDetailQuery['translationStatus']>['translation']['fields'][number];

/** The texts of a category that are translated, in the order they are shown. */
export const CATEGORY_TEXTS = ['name', 'description'] as const;

/** A category's texts to read (for those who may not change it): both languages side by side. */
export function CategoryTexts(props: { order: number; fields: readonly Field[] }) {
  const w = useWords();
  return (
    <>
      <p>
        {w('catalog.order')}: {props.order}
      </p>
      {CATEGORY_TEXTS.map((name) => {
        const field = props.fields.find((f) => f.path === name);
        return (
          <div key={name} className="pair" role="group" aria-labelledby={`read-${name}`}>
            <h3 id={`read-${name}`} className="pair-title">
              {w(`field.${name}`)} {field && <StateBadge state={field.state} />}
            </h3>
            <div className="side">
              <h4>{w('korean')}</h4>
              <p lang="ko">{field?.source ?? '—'}</p>
            </div>
            <div className="side">
              <h4>{w('english')}</h4>
              <p lang="en" data-testid={`read-${name}-en`}>
                {field?.translation ?? '—'}
              </p>
              {field?.sourceDiff && <SourceDiff diff={field.sourceDiff} />}
            </div>
          </div>
        );
      })}
    </>
  );
}
