import { posix } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { SeedIssue } from './seedError.js';
import type { SeedSource } from './seedSource.js';

/** The 1-based line of a path inside a parsed file (the nearest part of it that exists). */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * One load of a seed: where its files come from, the issues found so far, and for each YAML
 * file parsed, where its paths are (so every issue can name its line once loading is done).
 */
export interface SeedReading {
  source: SeedSource;
  issues: SeedIssue[];
  /** Per YAML file parsed, where its paths are. */
  lines: Map<string, LineOf>;
  /** Lines already known of issues (YAML syntax errors). */
  issueLines: Map<SeedIssue, number>;
}

/** A parsed YAML file of the seed, named by its path relative to the seed's root. */
export interface SeedFile {
  file: string;
  data: unknown;
}

/** Lists `*.yaml` files of a seed sub-directory (sorted, so loading is deterministic). */
export async function listYamlFiles(source: SeedSource, subDir: string): Promise<string[]> {
  const entries = await source.list(subDir);
  return entries
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => posix.join(subDir, name));
}

/**
 * Reads and parses one YAML file. Syntax errors become issues naming the file and line,
 * and the file yields `undefined` data so loading can go on and report everything at once.
 */
export async function readYamlFile(reading: SeedReading, file: string): Promise<SeedFile> {
  const { issues } = reading;
  const text = await readText(reading.source, file);
  if (typeof text !== 'string') {
    issues.push({
      file,
      path: [],
      message: text.missing ? 'file does not exist' : `cannot be read (${text.code})`,
    });
    return { file, data: undefined };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const issue = { file, path: [], message: `YAML syntax: ${error.message.split('\n')[0]}` };
      issues.push(issue);
      if (error.linePos) reading.issueLines.set(issue, error.linePos[0].line);
    }
    return { file, data: undefined };
  }
  reading.lines.set(file, (path) => {
    const offset = offsetOf(document, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  });
  try {
    return { file, data: document.toJS({ maxAliasCount: 50 }) };
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when the document is converted.
    issues.push({ file, path: [], message: `YAML: ${(error as Error).message.split('\n')[0]}` });
    return { file, data: undefined };
  }
}

// Where a path starts in the document: a map entry at its key, a list item at the item; a path
// that goes further than the document (a missing key) stops at the deepest part that exists.
function offsetOf(document: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = document.contents;
  let offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) break;
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item: unknown = node.items[part];
      if (!item) break;
      offset = (item as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * Reads a text file of the seed (lesson markdown) relative to its root; a missing or unreadable
 * file is reported as an issue against `referrer` at `path` and yields undefined.
 */
export async function readSeedText(
  reading: SeedReading,
  file: string,
  referrer: { file: string; path: (string | number)[] },
): Promise<string | undefined> {
  const text = await readText(reading.source, file);
  if (typeof text === 'string') return text;
  reading.issues.push({
    ...referrer,
    message: text.missing
      ? `file ${file} does not exist`
      : `file ${file} cannot be read (${text.code})`,
  });
  return undefined;
}

// A file's text, or why there is none.
async function readText(
  source: SeedSource,
  file: string,
): Promise<string | { missing: boolean; code?: string }> {
  try {
    return (await source.read(file)) ?? { missing: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { missing: false, code: code ?? 'EIO' };
  }
}
