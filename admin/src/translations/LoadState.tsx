import type { ReactNode } from 'react';
import { errorWord, useLanguage, useWords } from '../language.js';
import type { ApiQuery } from './useApiQuery.js';

/**
 * A query's answer, or what stands in for it: the error said in place (an alert, so a screen
 * reader hears it) or a loading status, never a blank screen. `children` renders the data.
 */
export function LoadState<T>(props: { query: ApiQuery<T>; children: (data: T) => ReactNode }) {
  const language = useLanguage();
  const w = useWords();
  const { data, error } = props.query;
  if (error)
    return (
      <div className="load-failed">
        <p role="alert" className="error">
          {errorWord(language, error)}
        </p>
        <button type="button" onClick={() => void props.query.reload()}>
          {w('queue.retry')}
        </button>
      </div>
    );
  if (data === null) return <p role="status">{w('loading')}</p>;
  return <>{props.children(data)}</>;
}
