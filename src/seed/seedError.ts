import { formatPath } from '../errors.js';

/** One problem in a seed directory: the file, the path inside it, and the rule broken. */
export interface SeedIssue {
  file: string;
  path: (string | number)[];
  message: string;
}

/** Thrown when a seed directory is invalid; its message lists every issue, one per line. */
export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';

  constructor(readonly issues: SeedIssue[]) {
    super(
      `invalid seed (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues
          .map(
            (issue) =>
              `  ${issue.file}: ${issue.path.length ? formatPath(issue.path) : '(root)'}: ${issue.message}`,
          )
          .join('\n'),
    );
  }
}
