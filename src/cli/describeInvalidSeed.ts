import { formatPath } from '../errors.js';
import type { SeedValidationError } from '../seed/seedError.js';

/** An invalid seed as the commands report it: one line per issue, `file: path: rule`. */
export function describeInvalidSeed(error: SeedValidationError): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.length ? formatPath(issue.path) : '(root)';
    return `  ${issue.file}: ${path}: ${issue.message}\n`;
  });
  const count = `${lines.length} issue${lines.length === 1 ? '' : 's'}`;
  return `invalid seed (${count}), nothing written:\n${lines.join('')}`;
}
