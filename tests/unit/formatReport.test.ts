// The import report (src/seed/formatReport.ts) as an admin reads it: a count table per
// collection, the ids that change (never the unchanged ones), and one total line. Reports come
// from the real planner (planImport) run against a real memory store.
import { formatImportReport } from '../../src/seed/formatReport.js';
import { planImport, type ImportReport } from '../../src/seed/planImport.js';
import type { ContentBundle } from '../../src/domain/bundle.js';
import { bundle, category, concept, memoryStoreWith } from '../helpers/contentFixtures.js';

const base = bundle({
  categories: [category('fundamentals', 1)],
  concepts: [concept('alpha', 'fundamentals'), concept('beta', 'fundamentals')],
});

async function reportFor(
  inStore: ContentBundle,
  wanted: ContentBundle,
  prune = false,
): Promise<ImportReport> {
  const store = await memoryStoreWith(inStore);
  const { documents } = await store.readChanges(0);
  return planImport(wanted, documents, { prune }).report;
}

/** The table row of one collection, as its numbers. */
function row(text: string, collection: string): number[] {
  const line = text.split('\n').find((l) => l.startsWith(`${collection} `));
  if (!line) throw new Error(`no row for ${collection} in:\n${text}`);
  return line.split(/\s+/).slice(1).map(Number);
}

describe('formatImportReport', () => {
  it('counts every collection and lists every id to create, for an empty store', async () => {
    const text = formatImportReport(await reportFor(bundle({}), base), { dryRun: false });
    expect(text.split('\n')[0]).toMatch(
      /^collection\s+created\s+updated\s+unchanged\s+deleted\s+kept$/,
    );
    expect(row(text, 'categories')).toEqual([1, 0, 0, 0, 0]);
    expect(row(text, 'concepts')).toEqual([2, 0, 0, 0, 0]);
    for (const empty of ['relations', 'comparisons', 'lessons']) {
      expect(row(text, empty)).toEqual([0, 0, 0, 0, 0]);
    }
    expect(text).toContain(
      'to create (3):\n  categories/fundamentals\n  concepts/alpha\n  concepts/beta\n',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 documents to write');
  });

  it('lists updated and deleted ids but not unchanged ones, and says a dry run writes nothing', async () => {
    const edited = concept('alpha', 'fundamentals', {
      summary: { ko: '바뀐 요약', en: 'changed summary' },
    });
    const wanted = bundle({ categories: base.categories, concepts: [edited] });
    const text = formatImportReport(await reportFor(base, wanted, true), { dryRun: true });
    expect(row(text, 'categories')).toEqual([0, 0, 1, 0, 0]);
    expect(row(text, 'concepts')).toEqual([0, 1, 0, 1, 0]);
    expect(text).toContain('to update (1):\n  concepts/alpha\n');
    expect(text).toContain('to delete (1):\n  concepts/beta\n');
    expect(text).not.toContain('categories/fundamentals'); // unchanged: counted, not listed
    expect(text).not.toContain('to create');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '2 documents to write (dry run: nothing written)',
    );
  });

  it('says there is nothing to write when the store matches, in the singular and plural', async () => {
    const same = formatImportReport(await reportFor(base, base), { dryRun: false });
    expect(row(same, 'concepts')).toEqual([0, 0, 2, 0, 0]);
    expect(same.trimEnd().split('\n').at(-1)).toBe(
      'nothing to write: the store already matches the seed',
    );
    const one = bundle({ categories: [category('fundamentals', 1)] });
    const single = formatImportReport(await reportFor(bundle({}), one), { dryRun: false });
    expect(single.trimEnd().split('\n').at(-1)).toBe('1 document to write');
  });

  it('lists documents kept for lack of --prune and does not claim an exact match', async () => {
    const wanted = bundle({ categories: base.categories, concepts: [base.concepts[0]!] });
    const text = formatImportReport(await reportFor(base, wanted), { dryRun: false });
    expect(row(text, 'concepts')).toEqual([0, 0, 1, 0, 1]);
    expect(text).toContain('kept (1; not in the seed, --prune deletes them):\n  concepts/beta\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'nothing to write: the store already matches the seed, apart from 1 kept document not in the seed',
    );
  });
});
