import type { Issue } from '../api.js';
import type { LessonTextsQuery } from '../gql/graphql.js';
import { useWords } from '../language.js';
import { SourceDiff } from '../SourceDiff.js';
import { issuePlace } from './issuePlace.js';

type Field = NonNullable<LessonTextsQuery['ko']>['translation']['fields'][number];

/**
 * The state of each English text of the lesson (title, summary, every section by anchor), with
 * how the Korean changed for an OUTDATED one (the API's character diff: removed struck, added
 * underlined), and any issue a refused save named at it.
 */
export function SectionStates(props: { fields: Field[]; issues: Issue[]; saved: 'ko' | 'en' }) {
  const w = useWords();
  const label = (path: string) =>
    path === 'title'
      ? w('lesson.title')
      : path === 'summary'
        ? w('lesson.summary')
        : `${w('lesson.section')} ${path.replace(/^sections\./, '')}`;
  return (
    <ul className="section-states" aria-label={w('lesson.sections')}>
      {props.fields.map((field) => {
        const issues = props.issues.filter((issue) => {
          const place = issuePlace(issue, props.saved);
          return 'section' in place && place.section === field.path;
        });
        return (
          <li key={field.path} data-testid={`field-${field.path}`}>
            {label(field.path)} ·{' '}
            <span className={`state ${field.state}`} data-testid={`state-${field.path}`}>
              {w(field.state)}
            </span>
            {field.state === 'OUTDATED' && field.sourceDiff && (
              <SourceDiff diff={field.sourceDiff} testId={`diff-${field.path}`} />
            )}
            {issues.map((issue, i) => (
              <p key={i} className="error">
                {issue.message}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
