// The console on Firestore (the official emulator), in a real Chromium: an admin carries a
// concept from a draft in both languages to published, and a second instance of the function
// (another server on the same database) saves first, so the console's save is a CONFLICT that
// keeps what was typed, shows the other instance's edit and reapplies the typing on top of it;
// publishing is the Publishing tab's.
import { waitForText } from '../helpers/browser.js';
import { useConsole } from '../helpers/console.js';
import { as, outcome, versionOf } from '../helpers/editing.js';
import {
  describeWithEmulator,
  seededProject,
  startEmulator,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { graphql, serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

describeWithEmulator('the console on Firestore', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  let other: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    emulator = await startEmulator();
    env = {
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: await seededProject(emulator),
      FIRESTORE_EMULATOR_HOST: emulator.host,
      CONTENT_TTL_MS: '500',
      STORE_TIMEOUT_MS: '20000',
      API_TOKENS: TEST_API_TOKENS,
    };
    other = await serveApi(env);
  }, 120_000);
  const served = useConsole(() => env);
  afterAll(async () => {
    await other?.close();
    await emulator?.stop();
  });

  it('carries a draft to published, through a conflict with another instance', async () => {
    const page = await served.signedIn();
    await page.getByRole('link', { name: '새 개념' }).click();
    await page.getByLabel('슬러그 (영문 소문자, 하이픈)').fill('kv-cache');
    await page.getByLabel('카테고리').fill('fundamentals');
    const texts = {
      term: ['KV 캐시', 'KV cache'],
      summary: [
        '이전 토큰의 키와 값을 저장해 두는 캐시.',
        'A cache of earlier tokens’ keys and values.',
      ],
      definition: [
        '디코딩할 때 이미 계산한 어텐션의 키와 값을 다시 쓰도록 저장하는 방식.',
        'Keeping the attention keys and values already computed, to reuse them while decoding.',
      ],
    };
    for (const [field, [ko, en]] of Object.entries(texts)) {
      await page.locator(`#new-${field}-ko`).fill(ko!);
      await page.locator(`#new-${field}-en`).fill(en!);
    }
    await page.getByRole('button', { name: '초안 만들기' }).click();
    await waitForText(page.getByTestId('status'), '초안');

    // Another instance saves first, from the version the console has loaded.
    const otherEdit = await as(
      'admin',
      other.url,
      'mutation($v: Int) { updateConcept(slug: "kv-cache", patch: { aliases: ["KV-Cache"] }, expectedVersion: $v) { version } }',
      { v: await versionOf(other.url, 'kv-cache') },
    );
    expect(outcome(otherEdit)).toBe('ok');

    await page.locator('#term-en').fill('Key-value cache');
    await page.getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByRole('alert'), '다른 사람이 먼저 저장했습니다', true);
    expect(await page.locator('#term-en').inputValue()).toBe('Key-value cache');
    await page.getByRole('button', { name: '최신 버전에 내 변경 다시 적용' }).click();
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('저장했습니다.').waitFor();

    await page.getByRole('link', { name: '게시' }).click();
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await waitForText(page.getByTestId('publish-status'), '게시됨');

    // Both instances serve it to anonymous readers, with both edits.
    for (const url of [served.url, other.url]) {
      const read = async () =>
        (
          await graphql<any>(
            url,
            '{ concept(slug: "kv-cache", locale: EN) { term aliases status } }',
          )
        ).data.concept;
      let answer = await read();
      for (let tries = 0; !answer && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // within the TTL
        answer = await read();
      }
      expect(answer).toEqual({
        term: 'Key-value cache',
        aliases: ['KV-Cache'],
        status: 'PUBLISHED',
      });
    }
  });
});
