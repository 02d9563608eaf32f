// `npm run translations` as a real process (dist/cli/translations.js) on Firestore (the official
// emulator), configured by the environment as the other admin tools are: a Korean edit, the
// export on stdout, the translated file imported (written as the tool), and the same file again
// (a conflict: exit code 1, nothing written).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModel } from '../../src/content/readModel.js';
import { projectRoot } from '../../src/paths.js';
import { rewriteKoreanDefinition } from '../helpers/translationFixtures.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import {
  describeWithEmulator,
  seededProject,
  startEmulator,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';

describeWithEmulator('npm run translations on Firestore', () => {
  let emulator: RunningEmulator;
  let store: FirestoreStore;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    execFileSync(
      join(projectRoot(), 'node_modules', '.bin', 'tsc'),
      ['-p', 'tsconfig.build.json'],
      { cwd: projectRoot() },
    );
    const projectId = await seededProject(emulator);
    store = new FirestoreStore({ projectId, emulatorHost: emulator.host, timeoutMs: 10_000 });
    env = {
      PATH: process.env.PATH ?? '',
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
    };
    dir = await mkdtemp(join(tmpdir(), 'translations-cli-'));
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    await emulator?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    spawnSync('node', [join(projectRoot(), 'dist', 'cli', 'translations.js'), ...args], {
      cwd: projectRoot(),
      env,
      encoding: 'utf8',
    });

  it('exports the outdated definition and imports its new English as the tool', async () => {
    const readModel = new ReadModel(store, { ttlMs: 0 });
    const english = (await readModel.refresh()).documents.concepts.get('encoder')!.definition.en;
    const version = (await rewriteKoreanDefinition(store, (ko) => `${ko} (개정)`)) + 1;

    const exported = run(['export', '--locale', 'en', '--state', 'outdated']);
    expect(exported).toMatchObject({ status: 0, stderr: '' });
    expect(exported.stdout.match(/<file id="[^"]+"/g)).toEqual([
      `<file id="concepts.encoder.v${version}"`,
    ]);
    const target = /<target>([^<]*)<\/target>/.exec(exported.stdout)![1]!;
    const file = join(dir, 'en.xlf');
    await writeFile(file, exported.stdout.replace(target, `${target} (revised)`));

    const imported = run(['import', file]);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    expect(imported.stdout).toContain(
      `concepts/encoder (concepts.encoder.v${version}): applied, now version ${version + 1}\n` +
        '  written:     definition\n',
    );
    const after = (await readModel.refresh()).documents.concepts.get('encoder')!;
    expect(after.definition.en).toBe(`${english} (revised)`);
    expect(after.updatedBy).toBe('xliff-import');

    const again = run(['import', file]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(
      `concepts/encoder (concepts.encoder.v${version}): CONFLICT, nothing written`,
    );
    expect((await readModel.refresh()).documents.concepts.get('encoder')!.version).toBe(
      version + 1,
    );
  }, 60_000);
});
