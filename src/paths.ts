import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (the directory holding package.json), found by walking up from this module.
 * Works from `src/` under tests and from `dist/` when deployed, where `schema.graphql` and `seed/`
 * sit beside package.json.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the running module');
    dir = parent;
  }
  return dir;
}

/** Directory of the course content shipped with the code. */
export function defaultSeedDir(): string {
  return join(projectRoot(), 'seed');
}

/**
 * The persisted-documents manifest of the typed client (clients/typescript): the documents a
 * deployment with PERSISTED_DOCUMENTS_ONLY executes for anonymous callers.
 */
export function defaultPersistedDocumentsFile(): string {
  return join(projectRoot(), 'clients', 'typescript', 'persisted-documents.json');
}
