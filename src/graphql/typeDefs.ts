import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

/** The public schema, read from `schema.graphql` at the project root (its source of truth). */
export function loadTypeDefs(): string {
  return readFileSync(join(projectRoot(), 'schema.graphql'), 'utf8');
}
