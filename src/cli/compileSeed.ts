// Build step (`npm run build`): validates the shipped course and writes it as one JSON file,
// with the fingerprint of the seed directory, so a cold start need not parse YAML or Markdown.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defaultSeedDir } from '../paths.js';
import { compiledSeedFile, finalRecords, type CompiledSeed } from '../seed/compiledSeed.js';
import { loadSeedDirectory } from '../seed/loadSeed.js';
import { seedFingerprint } from '../seed/seedFingerprint.js';

const seedDir = defaultSeedDir();
const bundle = await loadSeedDirectory(seedDir);
const compiled: CompiledSeed = {
  fingerprint: await seedFingerprint(seedDir),
  bundle,
  records: finalRecords(bundle, new Date().toISOString()),
};
const file = compiledSeedFile();
await mkdir(dirname(file), { recursive: true });
await writeFile(file, JSON.stringify(compiled));
