// The client installed as a new app installs it, without network: its build packed by `npm pack`
// (what a published install gets: only `files`), the tarball installed into an empty app with
// `npm install --offline` (zod linked from this repository's node_modules), the app's program
// (installedApp/main.ts) compiled by tsc against the installed types, and run against the real
// function: a lesson rendered from typed data, then revalidated (304).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/paths.js';
import { serveApi } from '../helpers/httpServer.js';

// Async: the function answers from this process while the app runs.
const run = promisify(execFile);
const root = projectRoot();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const clientFolder = join(root, 'clients', 'typescript');
const appSources = join(root, 'tests', 'client', 'installedApp');

/** Builds the client (as `npm run build:client`, its codegen already run) and packs it. */
async function packedClient(work: string): Promise<string> {
  // Built into a copy, so the test never writes into the source tree other suites read.
  const folder = join(work, 'package');
  await run(process.execPath, [tsc, '-p', clientFolder, '--outDir', join(folder, 'dist')]);
  for (const file of ['package.json', 'persisted-documents.json']) {
    await copyFile(join(clientFolder, file), join(folder, file));
  }
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--offline'], {
    cwd: folder,
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  expect(packed!.files.map((file) => file.path)).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/schemas.d.ts', 'persisted-documents.json']),
  );
  expect(packed!.files.some((file) => file.path.startsWith('src/'))).toBe(false);
  return join(folder, packed!.filename);
}

it('installs from its packed tarball offline, compiles in a new app, and renders and revalidates a lesson', async () => {
  const work = await mkdtemp(join(tmpdir(), 'client-install-'));
  const server = await serveApi({});
  try {
    const tarball = await packedClient(work);
    const app = join(work, 'app');
    await mkdir(app);
    const manifest = {
      name: 'new-app',
      private: true,
      type: 'module',
      dependencies: {
        '@llm-course/client': `file:${tarball}`,
        zod: `file:${join(root, 'node_modules', 'zod')}`,
      },
    };
    await writeFile(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: app,
    });
    for (const file of await readdir(appSources)) {
      await copyFile(join(appSources, file), join(app, file));
    }
    // tsc fails on a type error, and on an unused @ts-expect-error (data typed as any).
    await run(process.execPath, [tsc, '-p', app], { cwd: app });

    const { stdout } = await run(process.execPath, [join(app, 'dist', 'main.js')], {
      cwd: app,
      env: { ...process.env, API_URL: server.url, LESSON: 'introduction-to-llms' },
    });
    const seen = JSON.parse(stdout) as { page: string[]; same: boolean; statuses: number[] };
    expect(seen.page[0]).toBe('# Introduction to Large Language Models');
    expect(seen.page.length).toBeGreaterThan(2);
    expect(seen.same).toBe(true);
    // The persisted query missed, then sent whole; the second render: revalidated (304).
    expect(seen.statuses).toEqual([200, 200, 304]);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}, 180_000);
