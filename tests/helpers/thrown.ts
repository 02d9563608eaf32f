import { ValidationError } from '../../src/errors.js';

/** What `run` throws; fails the test when it throws nothing. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** The ValidationError `run` throws; anything else it throws (or nothing) fails the test. */
export function validationError(run: () => unknown): ValidationError {
  const error = thrown(run);
  if (error instanceof ValidationError) return error;
  throw error;
}
