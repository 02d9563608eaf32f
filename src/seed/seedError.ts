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

  /**
   * @param lines the 1-based line in its file of each issue whose line is known (YAML syntax,
   *   a path in a YAML file, a rule of lesson markdown): see `lineOf`.
   */
  constructor(
    readonly issues: SeedIssue[],
    private readonly lines: ReadonlyMap<SeedIssue, number> = new Map(),
  ) {
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

  /** The 1-based line of one of `issues` in its file, when known. */
  lineOf(issue: SeedIssue): number | undefined {
    return this.lines.get(issue);
  }
}
