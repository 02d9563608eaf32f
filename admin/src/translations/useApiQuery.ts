import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';

/** What a screen asked the API and where the answer is: loading, an error code, or the data. */
export interface ApiQuery<T> {
  /** The answer; null while the first answer is awaited (or after an error). */
  data: T | null;
  /** The API's error code (`NETWORK`, `SERVER`, `FORBIDDEN` …); null when there is none. */
  error: string | null;
  /** Asks again, keeping the present answer on screen until the new one arrives. */
  reload: () => Promise<void>;
  /** Replaces the answer in place (after a mutation returned the new state). */
  setData: (data: T | null) => void;
}

/**
 * Asks the API once per change of `key` (a string naming the question: slug, filters) and keeps
 * the answer with its loading and error state. An answer that arrives after a newer question
 * was asked is dropped, so a slow answer never overwrites a newer one.
 */
export function useApiQuery<T>(load: () => Promise<T>, key: string): ApiQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const latest = useRef(load);
  latest.current = load;

  const run = useCallback(async (clear: boolean) => {
    const question = ++asked.current;
    if (clear) setData(null);
    setError(null);
    try {
      const answer = await latest.current();
      if (question === asked.current) setData(answer);
    } catch (failure) {
      if (question === asked.current) {
        setData(null);
        setError(failure instanceof ApiError ? failure.code : 'SERVER');
      }
    }
  }, []);

  useEffect(() => {
    void run(true);
  }, [key, run]);

  const reload = useCallback(() => run(false), [run]);
  return { data, error, reload, setData };
}
