// The console's text table is assembled by spreading one table per screen into one object, where
// a key defined twice would silently take the later screen's text: this keeps every key unique
// across the files and every text present in both of the console's languages.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

const wordsDir = join(projectRoot(), 'admin', 'src', 'words');
const screenFiles = readdirSync(wordsDir).filter(
  (name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'table.ts',
);

async function screenTables(): Promise<{ file: string; table: Record<string, any> }[]> {
  const tables = [];
  for (const file of screenFiles) {
    const module = (await import(
      `../../admin/src/words/${file.replace(/\.ts$/, '.js')}`
    )) as Record<string, Record<string, any>>;
    for (const table of Object.values(module)) tables.push({ file, table });
  }
  return tables;
}

describe('the console’s text table', () => {
  it('defines each key in one screen’s file only', async () => {
    const owners = new Map<string, string[]>();
    for (const { file, table } of await screenTables()) {
      for (const key of Object.keys(table)) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    expect(owners.size).toBeGreaterThan(100);
    const twice = [...owners].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });

  it('has every text in Korean and in English', async () => {
    const missing: string[] = [];
    for (const { file, table } of await screenTables()) {
      for (const [key, texts] of Object.entries(table)) {
        if (!texts.ko?.trim() || !texts.en?.trim()) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is assembled from every screen’s file', async () => {
    const index = await import('../../admin/src/words/index.js');
    for (const { table } of await screenTables()) {
      for (const key of Object.keys(table)) expect(index.isWordKey(key)).toBe(true);
    }
  });
});
