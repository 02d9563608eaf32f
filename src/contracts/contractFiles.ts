import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTypeDefs } from '../graphql/typeDefs.js';
import { projectRoot } from '../paths.js';
import { openApiDocument } from '../rest/openapi.js';
import type { Contracts } from './checkContracts.js';
import { intendedChangesSchema, type IntendedChange } from './intendedChanges.js';

/** Where the released contracts and the records of intended changes live in the repository. */
export function contractPaths(root = projectRoot()) {
  const dir = join(root, 'contracts');
  return {
    releasedSchema: join(dir, 'released', 'schema.graphql'),
    releasedOpenApi: join(dir, 'released', 'openapi.json'),
    intended: join(dir, 'intended-changes.json'),
    changelog: join(root, 'CHANGELOG.md'),
  };
}

/** The contracts this code serves: schema.graphql and the generated OpenAPI document. */
export function currentContracts(): Contracts {
  return { schema: loadTypeDefs(), openapi: openApiDocument() };
}

/** The contracts of the last release, as kept in `contracts/released/`. */
export async function releasedContracts(root?: string): Promise<Contracts> {
  const paths = contractPaths(root);
  const [schema, openapi] = await Promise.all([
    readFile(paths.releasedSchema, 'utf8'),
    readFile(paths.releasedOpenApi, 'utf8'),
  ]);
  return { schema, openapi: JSON.parse(openapi) as object };
}

/** The intended breaking changes (validated) and CHANGELOG.md's text. */
export async function intendedAndChangelog(
  root?: string,
): Promise<{ intended: IntendedChange[]; changelog: string }> {
  const paths = contractPaths(root);
  const [intended, changelog] = await Promise.all([
    readFile(paths.intended, 'utf8'),
    readFile(paths.changelog, 'utf8'),
  ]);
  return { intended: intendedChangesSchema.parse(JSON.parse(intended)).changes, changelog };
}

/**
 * Makes the current contracts the released ones and empties the intended-change records (they
 * are part of this release now): run when a release is cut, with its CHANGELOG heading.
 */
export async function releaseContracts(current: Contracts, root?: string): Promise<void> {
  const paths = contractPaths(root);
  await mkdir(join(paths.releasedSchema, '..'), { recursive: true });
  await writeFile(paths.releasedSchema, current.schema);
  await writeFile(paths.releasedOpenApi, `${JSON.stringify(current.openapi, null, 2)}\n`);
  await writeFile(paths.intended, `${JSON.stringify(EMPTY_RECORDS, null, 2)}\n`);
}

const EMPTY_RECORDS = {
  $comment:
    'Breaking changes to the public contracts since the last release, made on purpose. Each needs a line in CHANGELOG.md under "## Unreleased" (see README: "Changing the public contract").',
  changes: [],
};
