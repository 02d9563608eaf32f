// Copies the API's domain modules that clients/typescript/src/schemas.ts exports (and what they
// import, transitively) from src/domain/ into clients/typescript/src/domain/, so the client
// compiles the API's own zod schemas into its dist without reaching outside its rootDir. Run by
// `npm run codegen` (before every type check and build, like the GraphQL types): the copy is
// not committed (.gitignore), so it is always the domain of the checkout and cannot drift.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = join(dirname(fileURLToPath(import.meta.url)), '..');
const domain = join(client, '..', '..', 'src', 'domain');
const target = join(client, 'src', 'domain');
const IMPORT = /^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js';/gms;

/** The relative imports (as .ts paths, resolved against `file`) of a module's text. */
const importsOf = (file, text) =>
  [...text.matchAll(IMPORT)].map(([, path]) => join(dirname(file), `${path}.ts`));

const entry = join(client, 'src', 'schemas.ts');
const wanted = importsOf(entry, readFileSync(entry, 'utf8'))
  .filter((file) => file.startsWith(target))
  .map((file) => join(domain, relative(target, file)));
const copied = new Set();
rmSync(target, { recursive: true, force: true });
while (wanted.length > 0) {
  const source = wanted.pop();
  if (copied.has(source)) continue;
  copied.add(source);
  const text = readFileSync(source, 'utf8');
  const from = relative(join(domain, '..', '..'), source);
  const destination = join(target, relative(domain, source));
  mkdirSync(dirname(destination), { recursive: true });
  writeFileSync(
    destination,
    `// Generated from ${from} by npm run codegen: edit that file.\n${text}`,
  );
  for (const imported of importsOf(source, text)) {
    if (!imported.startsWith(domain)) throw new Error(`${from} imports outside the domain`);
    wanted.push(imported);
  }
}
