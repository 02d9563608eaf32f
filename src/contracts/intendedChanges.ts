import { z } from 'zod';
import type { ContractChange } from './contractChange.js';

/** One breaking change made on purpose, and the changelog line that tells clients. */
export const intendedChangeSchema = z.strictObject({
  api: z.enum(['graphql', 'rest']),
  /** The change's `where`, as the check prints it. */
  where: z.string().min(1),
  /** A line of CHANGELOG.md's `## Unreleased` section, verbatim, that announces it. */
  changelog: z.string().min(1),
});

/** `contracts/intended-changes.json`: the breaking changes since the release that are intended. */
export const intendedChangesSchema = z.strictObject({
  $comment: z.string().optional(),
  changes: z.array(intendedChangeSchema),
});

/** One intended breaking change. */
export type IntendedChange = z.infer<typeof intendedChangeSchema>;

/** Whether an intended-change entry is the record of this change. */
export function records(intended: IntendedChange, change: ContractChange): boolean {
  return intended.api === change.api && intended.where === change.where;
}

/**
 * The lines of CHANGELOG.md's `## Unreleased` section (up to the next `## ` heading), trimmed:
 * where an intended breaking change must be announced before it may land.
 */
export function unreleasedLines(changelog: string): string[] {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => /^## Unreleased\b/i.test(line.trim()));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).map((line) => line.trim()).filter(Boolean);
}
