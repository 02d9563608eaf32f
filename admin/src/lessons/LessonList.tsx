import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, request } from '../api.js';
import type { LessonListQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { LESSON_LIST } from './lessonOperations.js';
import './lessons.css';

/**
 * Every lesson an editor may see (drafts included), in course order, each with its status and
 * the state of its English (and how many of its texts are current, outdated or missing).
 */
export function LessonList() {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [lessons, setLessons] = useState<LessonListQuery['lessons'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    request(token, LESSON_LIST).then(
      ({ lessons }) => current && setLessons(lessons),
      (failure: unknown) =>
        current && setError(failure instanceof ApiError ? failure.code : 'SERVER'),
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <section aria-labelledby="lessons-title">
      <h2 id="lessons-title">{w('lessons')}</h2>
      {error ? (
        <p role="alert" className="error">
          {errorWord(language, error)}
        </p>
      ) : !lessons ? (
        <p role="status">{w('loading')}</p>
      ) : lessons.length === 0 ? (
        <p>{w('lessons.empty')}</p>
      ) : (
        <>
          <p role="status" data-testid="lesson-count">
            {w('lessons.count')}: {lessons.length}
          </p>
          <ul className="items lesson-items">
            {lessons.map((lesson) => (
              <li key={lesson.slug} data-testid={`lesson-${lesson.slug}`}>
                {lesson.number !== null && lesson.number !== undefined && (
                  <span className="number">{lesson.number}. </span>
                )}
                <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>{' '}
                <code>{lesson.slug}</code> · {w(lesson.status)} ·{' '}
                <span className={`state ${lesson.translation.state}`}>
                  {w(lesson.translation.state)}
                </span>
                <br />
                <small>
                  {w('lessons.englishCounts')
                    .replace('{current}', String(lesson.translation.current))
                    .replace('{outdated}', String(lesson.translation.outdated))
                    .replace('{missing}', String(lesson.translation.missing))}
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
