// The import screen in a real Chromium against the real function: an admin picks a changed copy
// of the seed directory (webkitdirectory) or a ZIP of one, sees the API's dry-run diff grouped by
// document type, applies, and the API serves the change; a broken file is shown with its path
// and line and nothing is written; an apply after the content moved is a conflict that a fresh
// check resolves; an editor is offered no import; the flow works by keyboard and at 375 px.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { defaultSeedDir } from '../../src/paths.js';
import { seriousViolations, waitForText } from '../helpers/browser.js';
import { screenshot, useConsole } from '../helpers/console.js';
import { as, createDraft, revisionOf } from '../helpers/editing.js';
import { tabTo, waitForFocus } from '../helpers/keyboard.js';
import {
  editSeedFile,
  newConceptFile,
  readSeedFileList,
  type SeedFile,
} from '../helpers/seedFiles.js';
import { EDITOR_TOKEN } from '../helpers/tokens.js';

const served = useConsole();
const temp: string[] = [];
let seed: SeedFile[];

beforeAll(async () => {
  seed = await readSeedFileList(defaultSeedDir());
});
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

// The seed with one more alias on the encoder (`alias`) and, optionally, one more concept.
function changedSeed(alias: string, newConcept?: string): SeedFile[] {
  const files = editSeedFile(seed, 'concepts/encoder.yaml', (text) =>
    text.replace('  - 인코더\n', `  - 인코더\n  - ${alias}\n`),
  );
  return newConcept ? [...files, newConceptFile(newConcept)] : files;
}

/** Writes files as a seed directory named `seed` (as a user would pick it); returns its path. */
async function seedDirectory(files: readonly SeedFile[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'import-ui-'));
  temp.push(root);
  const dir = join(root, 'seed');
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  // A file that is not part of a seed: read past, and counted as skipped.
  await writeFile(join(dir, 'notes.txt'), 'not a seed file');
  return dir;
}

/** Writes files as a ZIP holding a `seed/` directory; returns its path. */
async function seedZip(files: readonly SeedFile[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'import-zip-'));
  temp.push(root);
  const path = join(root, 'course.zip');
  const entries = Object.fromEntries(
    files.map((file) => [`seed/${file.path}`, strToU8(file.content)]),
  );
  await writeFile(path, zipSync(entries));
  return path;
}

async function openImport(page: Page) {
  await page.getByRole('link', { name: '가져오기' }).click();
  await page.getByRole('heading', { name: '콘텐츠 가져오기' }).waitFor();
}

const count = (page: Page, collection: string, kind: string) =>
  page.getByTestId(`import-${collection}`).getByTestId(`${kind}-count`).locator('strong');

const aliasesOfEncoder = async () =>
  (await as('anonymous', served.url, '{ concept(slug: "encoder") { aliases } }')).data.concept
    .aliases as string[];

describe('importing content in the console', () => {
  it('shows the diff of a picked directory, applies it, and the API serves the change', async () => {
    const dir = await seedDirectory(changedSeed('Encoder block', 'uploaded-concept'));
    const page = await served.signedIn();
    await openImport(page);
    await page.getByText('아직 고른 파일이 없습니다.').waitFor();
    const before = await revisionOf(served.url);
    await page.getByLabel('시드 디렉터리 선택').setInputFiles(dir);
    await page.getByRole('heading', { name: '적용하면 바뀌는 내용' }).waitFor();
    expect(await page.getByTestId('import-picked').textContent()).toMatch(
      /seed · \d+개 파일 \(1 .*건너뜀/,
    );
    expect(await count(page, 'concepts', 'created').textContent()).toBe('1');
    expect(await count(page, 'concepts', 'updated').textContent()).toBe('1');
    expect(await count(page, 'concepts', 'deleted').textContent()).toBe('0');
    expect(await page.getByTestId('import-concepts').getByTestId('created-ids').textContent()).toBe(
      'uploaded-concept',
    );
    expect(await page.getByTestId('import-concepts').getByTestId('updated-ids').textContent()).toBe(
      'encoder',
    );
    expect(await count(page, 'relations', 'unchanged').textContent()).not.toBe('0');
    // The dry run wrote nothing.
    expect(await revisionOf(served.url)).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-import'));

    await page.getByRole('button', { name: '적용 (2)' }).click();
    await waitForText(page.getByTestId('import-done'), `새 콘텐츠 리비전 ${before + 1}`, true);
    expect(await page.getByTestId('import-done').textContent()).toContain('2 쓴 문서');
    expect(await aliasesOfEncoder()).toContain('Encoder block');
    const draft = await as('admin', served.url, '{ concept(slug: "uploaded-concept") { status } }');
    expect(draft.data.concept).toEqual({ status: 'DRAFT' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads a ZIP in the browser and applies it', async () => {
    const zip = await seedZip(changedSeed('Zipped encoder'));
    const page = await served.signedIn();
    await openImport(page);
    await page.getByLabel('ZIP 파일 선택').setInputFiles(zip);
    await page.getByRole('heading', { name: '적용하면 바뀌는 내용' }).waitFor();
    expect(await count(page, 'concepts', 'updated').textContent()).toBe('1');
    expect(await count(page, 'concepts', 'created').textContent()).toBe('0');
    // The concept the first test added is not in this ZIP: kept, as prune is off.
    expect(await count(page, 'concepts', 'kept').textContent()).toBe('1');
    // With prune, the same files would delete it: the diff is checked again at once.
    const prune = page.getByLabel('파일에 없는 문서는 삭제', { exact: false });
    await prune.check();
    await waitForText(count(page, 'concepts', 'deleted'), '1');
    expect(await page.getByTestId('import-concepts').getByTestId('deleted-ids').textContent()).toBe(
      'uploaded-concept',
    );
    await prune.uncheck();
    await waitForText(count(page, 'concepts', 'deleted'), '0');
    await page.getByRole('button', { name: '적용 (1)' }).click();
    await page.getByTestId('import-done').waitFor();
    const aliases = await aliasesOfEncoder();
    expect(aliases).toContain('Zipped encoder');
    expect(aliases).not.toContain('Encoder block');
  });

  it('shows a broken file with its path and line, offers no apply, and writes nothing', async () => {
    const broken = editSeedFile(seed, 'concepts/encoder.yaml', (text) =>
      text.replace('  ko: 인코더\n', '  ko: [인코더]\n'),
    );
    const dir = await seedDirectory(broken);
    const before = await revisionOf(served.url);
    const page = await served.signedIn();
    await openImport(page);
    await page.getByLabel('시드 디렉터리 선택').setInputFiles(dir);
    await waitForText(page.getByRole('alert'), '파일에 문제가 있어', true);
    const issues = await page.getByTestId('import-issues').locator('li').allTextContents();
    expect(issues).toEqual([expect.stringMatching(/^concepts\/encoder\.yaml:4 · term\.ko — /)]);
    expect(await page.getByRole('button', { name: /^적용/ }).count()).toBe(0);
    expect(await revisionOf(served.url)).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses an apply after the content moved, and applies after a fresh check', async () => {
    const zip = await seedZip(changedSeed('Checked twice'));
    const page = await served.signedIn();
    await openImport(page);
    await page.getByLabel('ZIP 파일 선택').setInputFiles(zip);
    await page.getByRole('heading', { name: '적용하면 바뀌는 내용' }).waitFor();
    await createDraft(served.url, 'written-meanwhile');
    await page.getByRole('button', { name: /^적용/ }).click();
    await waitForText(page.getByRole('alert'), '검사한 뒤에 콘텐츠가 바뀌어', true);
    expect(await aliasesOfEncoder()).not.toContain('Checked twice');
    await page.getByRole('button', { name: '다시 검사' }).click();
    await waitForText(page.getByTestId('import-conflicts'), 'written-meanwhile', true);
    await page.getByRole('button', { name: /^적용/ }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await aliasesOfEncoder()).toContain('Checked twice');
  });

  it('works with the keyboard alone', async () => {
    const zip = await seedZip(changedSeed('Typed encoder'));
    const page = await served.signedIn();
    await page.goto(`${served.url}/admin/import`);
    await page.getByRole('heading', { name: '콘텐츠 가져오기' }).waitFor();
    // Tab to the ZIP picker and open it with Space, as a keyboard user does.
    await tabTo(page, page.getByLabel('ZIP 파일 선택'));
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }),
      page.keyboard.press('Space'),
    ]);
    await chooser.setFiles(zip);
    // The result's heading takes the focus; Apply follows the diff (its disclosures first).
    await waitForFocus(page.getByRole('heading', { name: '적용하면 바뀌는 내용' }));
    await tabTo(page, page.getByRole('button', { name: /^적용/ }));
    await page.keyboard.press('Enter');
    // The outcome takes the focus in its turn.
    await waitForFocus(page.getByTestId('import-done'));
    expect(await aliasesOfEncoder()).toContain('Typed encoder');
  });

  it('fits a 375 px screen', async () => {
    const dir = await seedDirectory(changedSeed('Narrow encoder', 'narrow-concept'));
    const page = await served.signedIn(undefined, { width: 375 });
    await openImport(page);
    await page.getByLabel('시드 디렉터리 선택').setInputFiles(dir);
    await page.getByRole('heading', { name: '적용하면 바뀌는 내용' }).waitFor();
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    console.log(await screenshot(page, 'console-import-375'));
  });

  it('says when the API fails (a 502) and checks again on Try again', async () => {
    const zip = await seedZip(changedSeed('Retried encoder'));
    const page = await served.signedIn();
    let failing = true;
    await page.route('**/graphql', (route) =>
      failing && (route.request().postData() ?? '').includes('ImportSeedFiles')
        ? route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad gateway' })
        : route.continue(),
    );
    await openImport(page);
    await page.getByLabel('ZIP 파일 선택').setInputFiles(zip);
    await waitForText(page.getByRole('alert'), 'API가 오류를 반환했습니다', true);
    expect(await seriousViolations(page)).toEqual([]);
    failing = false;
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.getByRole('heading', { name: '적용하면 바뀌는 내용' }).waitFor();
    expect(await count(page, 'concepts', 'updated').textContent()).toBe('1');
  });

  it('offers an editor no import', async () => {
    const page = await served.signedIn(EDITOR_TOKEN);
    expect(await page.getByRole('link', { name: '가져오기' }).count()).toBe(0);
    await page.goto(`${served.url}/admin/import`);
    await waitForText(page.getByRole('alert'), '콘텐츠 가져오기는 관리자만 할 수 있습니다.');
    expect(await page.getByLabel('시드 디렉터리 선택').count()).toBe(0);
  });
});
