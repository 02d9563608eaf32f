import { COLLECTIONS } from '../domain/bundle.js';
import { writeCount, type CollectionDiff, type ImportReport } from './planImport.js';

// The report's columns, in the order an admin reads them: what changes first, what stays last.
const COLUMNS = ['created', 'updated', 'unchanged', 'deleted', 'kept'] as const;

// The id lists worth reading before an import; unchanged ids are left out (they are the bulk).
const ID_SECTIONS: {
  key: Exclude<keyof CollectionDiff, 'outdated'>;
  title: string;
  note?: string;
}[] = [
  { key: 'created', title: 'to create' },
  { key: 'updated', title: 'to update' },
  { key: 'deleted', title: 'to delete' },
  { key: 'kept', title: 'kept', note: 'not in the seed, --prune deletes them' },
];

/**
 * Renders an import diff as plain text for a terminal or a CI log: a table of counts per
 * collection, the ids that will be created, updated or deleted (and those kept for lack of
 * `--prune`), the texts whose English the import leaves outdated, then one total line. Plain
 * text on purpose: it is read in logs as often as live.
 */
export function formatImportReport(report: ImportReport, options: { dryRun: boolean }): string {
  return [
    ...countTable(report),
    ...idLists(report),
    ...outdatedList(report),
    totalLine(report, options.dryRun),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

function countTable(report: ImportReport): string[] {
  const rows = COLLECTIONS.map((collection) => [
    collection,
    ...COLUMNS.map((column) => String(report[collection][column].length)),
  ]);
  const header = ['collection', ...COLUMNS];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  // Names align left, counts right, so the digits of a column line up.
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(header), ...rows.map(render)];
}

function idLists(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const { key, title, note } of ID_SECTIONS) {
    const ids = COLLECTIONS.flatMap((collection) =>
      report[collection][key].map((id) => `${collection}/${id}`),
    );
    if (ids.length === 0) continue;
    const header = `${title} (${ids.length}${note ? `; ${note}` : ''}):`;
    lines.push('', header, ...ids.map((id) => `  ${id}`));
  }
  lines.push('');
  return lines;
}

// Said apart from the diff: a translator has work to do, whatever else the import changes.
function outdatedList(report: ImportReport): string[] {
  const documents = COLLECTIONS.flatMap((collection) =>
    report[collection].outdated.map(
      ({ id, paths }) => `  ${collection}/${id}: ${paths.join(', ')}`,
    ),
  );
  if (documents.length === 0) return [];
  const texts = COLLECTIONS.reduce(
    (n, collection) =>
      n + report[collection].outdated.reduce((sum, { paths }) => sum + paths.length, 0),
    0,
  );
  return [
    `English made outdated by this import (${texts} text${texts === 1 ? '' : 's'}; the Korean changed, the English did not):`,
    ...documents,
    '',
  ];
}

function totalLine(report: ImportReport, dryRun: boolean): string {
  const count = writeCount(report);
  const kept = COLLECTIONS.reduce((n, collection) => n + report[collection].kept.length, 0);
  const suffix = dryRun ? ' (dry run: nothing written)' : '';
  if (count > 0) return `${count} document${count === 1 ? '' : 's'} to write${suffix}`;
  // Kept documents mean the store is not an exact copy of the seed: say so rather than claim it.
  const keptNote =
    kept > 0 ? `, apart from ${kept} kept document${kept === 1 ? '' : 's'} not in the seed` : '';
  return `nothing to write: the store already matches the seed${keptNote}${suffix}`;
}
