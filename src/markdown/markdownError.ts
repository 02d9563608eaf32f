/**
 * A rule the lesson markdown breaks, with where: `line` is 1-based in the markdown source.
 * Thrown by the markdown module; callers turn it into a validation issue with a path.
 */
export class MarkdownError extends Error {
  override readonly name = 'MarkdownError';

  /** @param line 1-based line of the offending node, when known. */
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}
