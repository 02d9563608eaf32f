import { cp, mkdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { COLLECTIONS, type ContentBundle } from '../../src/domain/bundle.js';
import { projectRoot } from '../../src/paths.js';
import {
  deferredTextsFile,
  loadSeedContent,
  readCompiledSeedHead,
} from '../../src/seed/compiledSeed.js';
import type { StoredDocument } from '../../src/store/contentStore.js';
import { writeSeedDirectory } from '../../src/seed/exportBundle.js';
import { seedFingerprint } from '../../src/seed/seedFingerprint.js';
import { scaleCourse } from '../scaleCourse.js';
import { errorLines, runNode } from './runNode.js';

/** The course at one factor, ready to serve: its seed directory and a deployable compiled for it. */
export interface PreparedCourse {
  factor: number;
  /** The scaled course as a seed directory (what SEED_DIR names). */
  seedDir: string;
  /** A copy of the deployable whose dist/content.json is this seed, compiled. */
  deployable: string;
  /** Documents in the course (categories shared, everything else copied). */
  documents: number;
  /** Bytes of the compiled content (dist/content.json and the deferred texts beside it). */
  compiledBytes: number;
}

const COMPILE_TIMEOUT_MS = 30 * 60_000;

/**
 * Scales the course `factor` times (scaleCourse), writes it as a seed directory (the exporter's
 * writeSeedDirectory) and makes a copy of the built deployable (`npm run build` output) whose
 * compiled content is that seed: the copy's `seed` links to the directory and the build's own
 * step, `node dist/cli/compileSeed.js`, is run in the copy, so the compiled file and its
 * fingerprint are made exactly as the build makes them. A cold start with SEED_DIR set to the
 * directory then takes the compiled path (checked here: the fingerprints must match).
 */
export async function prepareCourse(
  course: ContentBundle,
  factor: number,
  dir: string,
): Promise<PreparedCourse> {
  const scaled = scaleCourse(course, factor);
  const documents = COLLECTIONS.reduce((sum, collection) => sum + scaled[collection].length, 0);
  const seedDir = join(dir, 'seed');
  await writeSeedDirectory(scaled, seedDir);
  const deployable = join(dir, 'deployable');
  await mkdir(deployable);
  const root = projectRoot();
  for (const entry of ['package.json', 'schema.graphql', 'node_modules']) {
    await symlink(join(root, entry), join(deployable, entry));
  }
  await symlink(seedDir, join(deployable, 'seed'));
  // A real copy, not a link: the bundle finds the project root (and so dist/content.json) by
  // walking up from its own path.
  await cp(join(root, 'dist'), join(deployable, 'dist'), { recursive: true });
  const compile = await runNode(join(deployable, 'dist', 'cli', 'compileSeed.js'), [], {
    cwd: deployable,
    env: {},
    timeoutMs: COMPILE_TIMEOUT_MS,
  });
  if (compile.code !== 0) {
    throw new Error(
      `compiling the ${factor}× seed ${compile.timedOut ? 'timed out' : `failed (exit ${compile.code})`}: ${errorLines(compile)}`,
    );
  }
  const compiledFile = join(deployable, 'dist', 'content.json');
  if (readCompiledSeedHead(compiledFile)?.fingerprint !== (await seedFingerprint(seedDir))) {
    throw new Error(`the compiled ${factor}× content does not match its seed directory`);
  }
  return {
    factor,
    seedDir,
    deployable,
    documents,
    compiledBytes:
      (await stat(compiledFile)).size + (await stat(deferredTextsFile(compiledFile))).size,
  };
}

/** The stored documents of a prepared course, as a start reads them from its compiled content. */
export async function readCompiled(course: PreparedCourse): Promise<StoredDocument[]> {
  const seed = await loadSeedContent(
    course.seedDir,
    join(course.deployable, 'dist', 'content.json'),
  );
  if (!('documents' in seed))
    throw new Error(`the compiled ${course.factor}× content was not used`);
  return seed.documents;
}
