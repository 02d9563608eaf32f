import { formatPath } from '../errors.js';
import type { DocumentImport, TranslationImport } from '../translation/importTranslations.js';

/**
 * An import's report as an admin reads it: per document what was written, confirmed, left as it
 * was, or why nothing was (conflict, refusal, with each issue at its path), then the totals.
 */
export function formatTranslationImport(report: TranslationImport): string {
  const lines = report.documents.flatMap((document) => documentLines(document, report.dryRun));
  const count = (outcome: DocumentImport['outcome']) =>
    report.documents.filter((d) => d.outcome === outcome).length;
  const texts = (pick: (d: DocumentImport) => string[]) =>
    report.documents.reduce((n, d) => n + pick(d).length, 0);
  const would = report.dryRun ? ' (dry run: nothing written)' : '';
  lines.push(
    '',
    `${plural(report.documents.length, 'document')}: ${count('APPLIED')} applied ` +
      `(${plural(
        texts((d) => d.applied),
        'text',
      )} written, ${texts((d) => d.confirmed)} confirmed), ` +
      `${count('UNCHANGED')} unchanged, ${plural(count('CONFLICT'), 'conflict')}, ` +
      `${count('REJECTED')} rejected${would}`,
    `content revision: ${report.rev}`,
  );
  return `${lines.join('\n')}\n`;
}

function documentLines(document: DocumentImport, dryRun: boolean): string[] {
  const name = `${document.collection}/${document.id} (${document.file})`;
  const paths = (label: string, list: string[]) =>
    list.length > 0 ? [`  ${label.padEnd(13)}${list.join(', ')}`] : [];
  const kept = [...paths('unchanged:', document.unchanged), ...paths('skipped:', document.skipped)];
  switch (document.outcome) {
    case 'APPLIED':
      return [
        dryRun ? `${name}: would be applied` : `${name}: applied, now version ${document.version}`,
        ...paths('written:', document.applied),
        ...paths('confirmed:', document.confirmed),
        ...kept,
      ];
    case 'UNCHANGED':
      return [`${name}: nothing to write`, ...kept];
    case 'CONFLICT':
      return [
        `${name}: CONFLICT, nothing written: ${document.message}`,
        ...paths('not applied:', document.conflicts),
      ];
    case 'REJECTED':
      return [
        `${name}: REJECTED, nothing written: ${document.message}`,
        ...document.issues.map(
          (issue) =>
            `  ${issue.path.length > 0 ? formatPath(issue.path) : '(document)'}: ${issue.message}`,
        ),
      ];
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
