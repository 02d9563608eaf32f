// Build step (`npm run build`): validates the shipped course, stores it as the memory store
// would at start-up and writes that as one JSON file, with what identifies the seed directory
// (its fingerprint, file stats and path), so a cold start need not parse YAML or Markdown, nor
// stamp.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defaultSeedDir } from '../paths.js';
import { compiledSeedFile, relativeSeedDir, writeCompiledSeed } from '../seed/compiledSeed.js';
import { loadSeedDirectory } from '../seed/loadSeed.js';
import { seedFileStats } from '../seed/seedFileStats.js';
import { seedFingerprint } from '../seed/seedFingerprint.js';
import { storedCourse } from '../seed/storedCourse.js';

const seedDir = defaultSeedDir();
// Stats before the content: a file edited meanwhile then fails the stat check, never passes it.
const files = seedFileStats(seedDir);
const bundle = await loadSeedDirectory(seedDir);
const file = compiledSeedFile();
await mkdir(dirname(file), { recursive: true });
const compiledFrom = relativeSeedDir(file, seedDir);
if (compiledFrom === undefined) throw new Error(`the seed directory ${seedDir} cannot be resolved`);
await writeCompiledSeed(file, {
  fingerprint: await seedFingerprint(seedDir),
  files,
  compiledFrom,
  documents: await storedCourse(bundle, new Date()),
});
