import { checkContracts, type ContractReport } from '../contracts/checkContracts.js';
import {
  currentContracts,
  intendedAndChangelog,
  releaseContracts,
  releasedContracts,
} from '../contracts/contractFiles.js';
import type { ContractChange } from '../contracts/contractChange.js';

/** Usage text of `npm run contracts`. */
export const CONTRACTS_USAGE = `usage: npm run contracts -- check | release

check    compares schema.graphql and the OpenAPI document with the released ones in
         contracts/released/ (GraphQL Inspector, api-smart-diff) and fails on a breaking
         change that contracts/intended-changes.json does not record with a line in
         CHANGELOG.md's "## Unreleased" section.
release  makes the current contracts the released ones and empties the records (when a
         release is cut).
`;

/** `npm run contracts`: returns the exit code (0 fine, 1 the check failed, 2 bad usage). */
export async function runContractsCommand(
  argv: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream },
  root?: string,
): Promise<number> {
  const [command = 'check', ...rest] = argv;
  if (rest.length > 0 || (command !== 'check' && command !== 'release')) {
    io.err.write(CONTRACTS_USAGE);
    return 2;
  }
  if (command === 'release') {
    await releaseContracts(currentContracts(), root);
    io.out.write('contracts/released/ now holds the current contracts; the records are empty.\n');
    return 0;
  }
  const { intended, changelog } = await intendedAndChangelog(root);
  const report = await checkContracts(
    await releasedContracts(root),
    currentContracts(),
    intended,
    changelog,
  );
  io.out.write(formatReport(report));
  return report.ok ? 0 : 1;
}

/** The check's findings, for people: failures first. */
export function formatReport(report: ContractReport): string {
  const line = (change: ContractChange) =>
    `  ${change.api} ${change.where}\n      ${change.description}\n`;
  const sections: string[] = [];
  if (report.unrecorded.length > 0) {
    sections.push(
      `BREAKING changes not recorded as intended (${report.unrecorded.length}):\n` +
        report.unrecorded.map(line).join('') +
        '  Undo them, or record each in contracts/intended-changes.json ({ "api", "where",\n' +
        '  "changelog" }) with its line under "## Unreleased" in CHANGELOG.md.\n',
    );
  }
  if (report.problems.length > 0) {
    sections.push(`records to fix:\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
  }
  if (report.intended.length > 0) {
    sections.push(`intended breaking changes:\n${report.intended.map(line).join('')}`);
  }
  if (report.other.length > 0) {
    sections.push(`other changes (not breaking):\n${report.other.map(line).join('')}`);
  }
  const verdict = report.ok
    ? 'contracts: no unrecorded breaking change.\n'
    : 'contracts: the check FAILED.\n';
  return [...sections, verdict].join('\n');
}
