// `npm run translations -- refresh` in-process (src/cli/refreshTranslationsCommand.ts, src/seed/refreshTranslations.ts)
// on copies of the shipped seed: the translator's flow (English rewritten in the YAML), an
// editor's Korean edit, removed English and removed texts, --check, and failures.
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  runRefreshTranslationsCommand,
  REFRESH_USAGE,
} from '../../src/cli/refreshTranslationsCommand.js';
import { textFingerprint } from '../../src/domain/translation/fingerprint.js';
import { defaultSeedDir } from '../../src/paths.js';
import { textStream } from '../helpers/textStream.js';

const SIDECAR = 'translations/concepts.yaml';
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function translations(argv: string[], seedDir: string) {
  const out = textStream();
  const err = textStream();
  const code = await runRefreshTranslationsCommand(argv, {
    seedDir,
    out: out.stream,
    err: err.stream,
  });
  return { code, out: out.text(), err: err.text() };
}

async function copySeed(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'translations-command-'));
  tempDirs.push(dir);
  await cp(defaultSeedDir(), dir, { recursive: true });
  return dir;
}

async function editYaml(file: string, edit: (data: any) => void): Promise<void> {
  const data = parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, stringify(data));
}

const sidecarOf = async (dir: string) => parse(await readFile(join(dir, SIDECAR), 'utf8'));

describe('runRefreshTranslationsCommand', () => {
  it('finds the shipped seed up to date, every English current, and touches nothing', async () => {
    const dir = await copySeed();
    const before = await stat(join(dir, SIDECAR));
    for (const argv of [['--check'], []]) {
      const { code, out, err } = await translations(argv, dir);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toMatch(
        /^the translation records are up to date\nEnglish: \d+ current, 0 outdated, 0 missing\n$/,
      );
    }
    expect((await stat(join(dir, SIDECAR))).mtimeMs).toBe(before.mtimeMs);
  });

  it('records English a translator rewrote as made from the Korean beside it; --check says so first', async () => {
    const dir = await copySeed();
    const english = 'The half of a transformer that reads the input.';
    let korean = '';
    await editYaml(join(dir, 'concepts/encoder.yaml'), (encoder) => {
      encoder.definition.en = english;
      korean = encoder.definition.ko;
    });
    const shipped = await readFile(join(dir, SIDECAR), 'utf8');

    const check = await translations(['--check'], dir);
    expect(check.code).toBe(1);
    expect(check.out).toBe(
      `out of date: ${SIDECAR}\nrun \`npm run translations -- refresh\` to rewrite them\n`,
    );
    expect(await readFile(join(dir, SIDECAR), 'utf8')).toBe(shipped);

    const run = await translations([], dir);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      new RegExp(`^wrote ${SIDECAR}\\nEnglish: \\d+ current, 0 outdated, 0 missing\\n$`),
    );
    expect((await sidecarOf(dir)).encoder.definition).toEqual({
      ko: textFingerprint(korean),
      en: textFingerprint(english),
    });
    // Only that line changed.
    const changed = (await readFile(join(dir, SIDECAR), 'utf8'))
      .split('\n')
      .filter((line, i) => line !== shipped.split('\n')[i]);
    expect(changed).toEqual([expect.stringMatching(/^ {2}definition: \{ ko: \w+, en: \w+ \}$/)]);
    expect((await translations(['--check'], dir)).code).toBe(0);
  });

  it('keeps the record of English whose Korean changed, and lists it as outdated', async () => {
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (encoder) => {
      encoder.definition.ko += ' 인코더만 쓰는 모델도 있다.';
    });
    const { code, out } = await translations([], dir);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^the translation records are up to date\nEnglish: \d+ current, 1 outdated, 0 missing\n/,
    );
    expect(out).toContain(
      'outdated: the Korean changed since the English was made (1):\n  concepts/encoder: definition\n',
    );
  });

  it('drops the records of removed English and removed texts, and lists missing English', async () => {
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (encoder) => {
      delete encoder.summary.en;
      encoder.details = [];
    });
    const { code, out } = await translations([], dir);
    expect(code).toBe(0);
    expect(out).toContain('missing: no English yet (1):\n  concepts/encoder: summary\n');
    expect(Object.keys((await sidecarOf(dir)).encoder)).toEqual(['term', 'definition']);
  });

  it('refuses an invalid seed with its issues and writes nothing', async () => {
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (encoder) => {
      encoder.term.en = 42;
    });
    const shipped = await readFile(join(dir, SIDECAR), 'utf8');
    const { code, out, err } = await translations([], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^invalid seed \(1 issue\), nothing written:\n {2}concepts\/encoder\.yaml: term\.en: /,
    );
    expect(await readFile(join(dir, SIDECAR), 'utf8')).toBe(shipped);
  });

  it('reads the seed from --dir, and rejects bad usage with the usage text', async () => {
    const dir = await copySeed();
    expect((await translations(['--check', '--dir', dir], '/nonexistent/seed')).code).toBe(0);
    const bad = await translations(['--bogus'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(REFRESH_USAGE);
    expect((await translations(['--help'], dir)).out).toBe(REFRESH_USAGE);
  });
});
