// clients/typescript/persisted-documents.json (written by `npm run build:client`) lists exactly
// the documents the client sends, under the hash it sends: the list a "trusted documents" mode
// of the API would accept.
import { readFileSync } from 'node:fs';
import { OPERATIONS, persistedDocuments } from '../../clients/typescript/src/index.js';
import { sha256Hex } from '../../clients/typescript/src/persisted.js';

const committed = JSON.parse(
  readFileSync(
    new URL('../../clients/typescript/persisted-documents.json', import.meta.url),
    'utf8',
  ),
) as Record<string, string>;

describe('persisted-documents.json', () => {
  it('is current: run `npm run build:client` when this fails', async () => {
    expect(committed).toEqual(await persistedDocuments());
  });

  it('holds every operation of the client under the hash the client sends', async () => {
    const operations = Object.values(OPERATIONS);
    expect(Object.keys(committed)).toHaveLength(operations.length);
    for (const document of operations) {
      expect(committed[await sha256Hex(document.toString())]).toBe(document.toString());
    }
  });
});
