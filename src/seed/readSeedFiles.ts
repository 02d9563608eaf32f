import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { SeedIssue } from './seedError.js';

/** A parsed YAML file of the seed, named by its path relative to the seed directory. */
export interface SeedFile {
  file: string;
  data: unknown;
}

/** Lists `*.yaml` files of a seed sub-directory (sorted, so loading is deterministic). */
export async function listYamlFiles(seedDir: string, subDir: string): Promise<string[]> {
  const dir = join(seedDir, subDir);
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return entries
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => relative(seedDir, join(dir, name)));
}

/**
 * Reads and parses one YAML file. Syntax errors become issues naming the file and line,
 * and the file yields `undefined` data so loading can go on and report everything at once.
 */
export async function readYamlFile(
  seedDir: string,
  file: string,
  issues: SeedIssue[],
): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(join(seedDir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({
      file,
      path: [],
      message: code === 'ENOENT' ? 'file does not exist' : `cannot be read (${code})`,
    });
    return { file, data: undefined };
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      issues.push({ file, path: [], message: `YAML syntax: ${error.message.split('\n')[0]}` });
    }
    return { file, data: undefined };
  }
  try {
    return { file, data: document.toJS({ maxAliasCount: 50 }) };
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when the document is converted.
    issues.push({ file, path: [], message: `YAML: ${(error as Error).message.split('\n')[0]}` });
    return { file, data: undefined };
  }
}

/**
 * Reads a text file of the seed (lesson markdown) relative to the seed directory; a missing or
 * unreadable file is reported as an issue against `referrer` at `path` and yields undefined.
 */
export async function readSeedText(
  seedDir: string,
  file: string,
  issues: SeedIssue[],
  referrer: { file: string; path: (string | number)[] },
): Promise<string | undefined> {
  try {
    return await readFile(join(seedDir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({
      ...referrer,
      message:
        code === 'ENOENT' ? `file ${file} does not exist` : `file ${file} cannot be read (${code})`,
    });
    return undefined;
  }
}
