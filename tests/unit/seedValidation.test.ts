import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { SeedValidationError, type SeedIssue } from '../../src/seed/seedError.js';

// Seed validation (src/seed/loadSeed.ts, src/seed/seedError.ts): a copy of the shipped seed is
// broken in one place per case, and loadSeedDirectory must reject it with a SeedValidationError
// whose issues name the file, the path inside that file and the rule broken — for YAML syntax,
// per-document schemas, file naming, cross-references and the lesson markdown.

const LESSON = 'lessons/introduction-to-llms';
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh copy of the shipped seed, with helpers to break it. */
async function copySeed() {
  const dir = await mkdtemp(join(tmpdir(), 'seed-validation-'));
  tempDirs.push(dir);
  await cp(defaultSeedDir(), dir, { recursive: true });
  const path = (file: string) => join(dir, file);
  const readText = (file: string) => readFile(path(file), 'utf8');
  const writeText = (file: string, text: string) => writeFile(path(file), text);
  return {
    dir,
    readText,
    writeText,
    async editText(file: string, edit: (text: string) => string) {
      await writeText(file, edit(await readText(file)));
    },
    /** Parses a YAML file, lets `edit` change it in place, and writes it back. */
    async editYaml<T = any>(file: string, edit: (data: any) => T): Promise<T> {
      const data = parse(await readText(file));
      const result = edit(data);
      await writeText(file, stringify(data));
      return result;
    },
    rename: (from: string, to: string) => rename(path(from), path(to)),
  };
}
type Seed = Awaited<ReturnType<typeof copySeed>>;

async function seedError(dir: string): Promise<SeedValidationError> {
  try {
    await loadSeedDirectory(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error('expected loadSeedDirectory to reject the seed, but it loaded');
}

const issue = (file: string, path: SeedIssue['path'], message: string | RegExp) => ({
  file,
  path,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

/** Index of the first relation matching `test` in relations.yaml data. */
function relationIndex(relations: any[], test: (relation: any) => boolean): number {
  const index = relations.findIndex(test);
  if (index < 0) throw new Error('the seed has no such relation');
  return index;
}

/** Number of sections (## and ### headings) of a lesson markdown. */
const sectionCount = (markdown: string) => markdown.match(/^#{2,3} /gm)?.length ?? 0;

describe('loadSeedDirectory on a copy of the shipped seed', () => {
  it('loads the unmodified copy (sanity check for every case below)', async () => {
    const seed = await copySeed();
    const bundle = await loadSeedDirectory(seed.dir);
    expect(bundle.concepts.length).toBeGreaterThanOrEqual(31);
    expect(bundle.relations.length).toBeGreaterThanOrEqual(36);
    expect(bundle.lessons.map((l) => l.slug)).toEqual(['introduction-to-llms']);
  });

  it.each<{ name: string; corrupt: (seed: Seed) => Promise<ReturnType<typeof issue>[]> }>([
    {
      name: 'a YAML syntax error, naming the file and the line',
      async corrupt(seed) {
        await seed.editText('concepts/transformer.yaml', (text) =>
          text.replace('slug: transformer', 'slug: transformer: oops'),
        );
        return [issue('concepts/transformer.yaml', [], /^YAML syntax: .* at line 1, column 7/)];
      },
    },
    {
      name: 'a duplicated YAML key as a syntax error',
      async corrupt(seed) {
        await seed.editText('concepts/encoder.yaml', (text) => `${text}\nslug: encoder\n`);
        return [issue('concepts/encoder.yaml', [], /^YAML syntax: .*unique/i)];
      },
    },
    {
      name: 'a wrong type (term.en: 42), naming the path of the field',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.term.en = 42;
        });
        return [issue('concepts/transformer.yaml', ['term', 'en'], /expected string/)];
      },
    },
    {
      name: 'an unknown key in a concept (strict schema)',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.colour = 'blue';
        });
        return [issue('concepts/transformer.yaml', [], /Unrecognized key: "colour"/)];
      },
    },
    {
      name: 'an unknown key nested in a concept, naming the nested path',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.details[1].title.fr = 'Relation';
        });
        return [
          issue('concepts/transformer.yaml', ['details', 1, 'title'], /Unrecognized key: "fr"/),
        ];
      },
    },
    {
      name: 'a slug that is not kebab-case',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.slug = 'Transformer_Model';
        });
        return [issue('concepts/transformer.yaml', ['slug'], /must be kebab-case/)];
      },
    },
    {
      name: 'a concept file whose name does not match its slug',
      async corrupt(seed) {
        await seed.rename('concepts/transformer.yaml', 'concepts/transformers.yaml');
        return [
          issue(
            'concepts/transformers.yaml',
            ['slug'],
            'file must be named transformer.yaml after its slug',
          ),
        ];
      },
    },
    {
      name: 'an unknown category on a concept (reference check)',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.category = 'no-such-category';
        });
        return [
          issue('concepts/transformer.yaml', ['category'], 'unknown category "no-such-category"'),
        ];
      },
    },
    {
      name: 'a concept source citing a section the lesson does not have',
      async corrupt(seed) {
        await seed.editYaml('concepts/transformer.yaml', (concept) => {
          concept.sources = [{ lesson: 'introduction-to-llms', section: 'no-such-section' }];
        });
        return [
          issue(
            'concepts/transformer.yaml',
            ['sources', 0, 'section'],
            'lesson "introduction-to-llms" has no section "no-such-section"',
          ),
        ];
      },
    },
    {
      name: 'an invalid category in categories.yaml, naming its index',
      async corrupt(seed) {
        await seed.editYaml('categories.yaml', (categories) => {
          categories[2].order = -1;
        });
        return [issue('categories.yaml', [2, 'order'], /too small|>=0/i)];
      },
    },
    {
      name: 'a relation to an unknown concept',
      async corrupt(seed) {
        const index = await seed.editYaml('relations.yaml', (relations) => {
          relations[3].to = 'no-such-concept';
          return 3;
        });
        return [issue('relations.yaml', [index, 'to'], 'unknown concept "no-such-concept"')];
      },
    },
    {
      name: 'a relation from an unknown concept',
      async corrupt(seed) {
        await seed.editYaml('relations.yaml', (relations) => {
          relations[0].from = 'no-such-concept';
        });
        return [issue('relations.yaml', [0, 'from'], 'unknown concept "no-such-concept"')];
      },
    },
    {
      name: 'a relation of an unknown kind',
      async corrupt(seed) {
        await seed.editYaml('relations.yaml', (relations) => {
          relations[1].kind = 'LOVES';
        });
        return [issue('relations.yaml', [1, 'kind'], /Invalid option/)];
      },
    },
    {
      name: 'a concept related to itself',
      async corrupt(seed) {
        await seed.editYaml('relations.yaml', (relations) => {
          relations[0].to = relations[0].from;
        });
        return [issue('relations.yaml', [0, 'to'], 'a concept cannot be related to itself')];
      },
    },
    {
      name: 'a PROVIDED_BY relation whose "to" is not a google-cloud-tools concept',
      async corrupt(seed) {
        const index = await seed.editYaml('relations.yaml', (relations) => {
          const i = relationIndex(relations, (r) => r.kind === 'PROVIDED_BY');
          relations[i].to = 'transformer';
          return i;
        });
        return [
          issue(
            'relations.yaml',
            [index, 'to'],
            'PROVIDED_BY does not allow a "fundamentals" concept at its "to" end (allowed: google-cloud-tools)',
          ),
        ];
      },
    },
    {
      name: 'a relation listed twice',
      async corrupt(seed) {
        const index = await seed.editYaml('relations.yaml', (relations) => {
          relations.push({ ...relations[5] });
          return relations.length - 1;
        });
        return [issue('relations.yaml', [index], 'is listed twice')];
      },
    },
    {
      name: 'a symmetric relation (CONTRASTS_WITH) listed both ways',
      async corrupt(seed) {
        const index = await seed.editYaml('relations.yaml', (relations) => {
          const original = relations[relationIndex(relations, (r) => r.kind === 'CONTRASTS_WITH')];
          relations.push({ ...original, from: original.to, to: original.from });
          return relations.length - 1;
        });
        return [
          issue(
            'relations.yaml',
            [index],
            'CONTRASTS_WITH is symmetric and is already listed the other way round',
          ),
        ];
      },
    },
    {
      name: 'a relation source citing a section anchor the lesson does not have',
      async corrupt(seed) {
        await seed.editYaml('relations.yaml', (relations) => {
          relations[2].source.section = 'no-such-section';
        });
        return [
          issue(
            'relations.yaml',
            [2, 'source', 'section'],
            'lesson "introduction-to-llms" has no section "no-such-section"',
          ),
        ];
      },
    },
    {
      name: 'a relation source citing an unknown lesson',
      async corrupt(seed) {
        await seed.editYaml('relations.yaml', (relations) => {
          relations[2].source.lesson = 'no-such-lesson';
        });
        return [
          issue('relations.yaml', [2, 'source', 'lesson'], 'unknown lesson "no-such-lesson"'),
        ];
      },
    },
    {
      name: 'a comparison row with the wrong number of cells',
      async corrupt(seed) {
        await seed.editYaml('comparisons/llm-types.yaml', (comparison) => {
          comparison.rows[1].cells.pop();
        });
        return [
          issue(
            'comparisons/llm-types.yaml',
            ['rows', 1, 'cells'],
            'must have one cell per concept (3), got 2',
          ),
        ];
      },
    },
    {
      name: 'a comparison of an unknown concept',
      async corrupt(seed) {
        await seed.editYaml('comparisons/llm-types.yaml', (comparison) => {
          comparison.concepts[2] = 'no-such-concept';
        });
        return [
          issue('comparisons/llm-types.yaml', ['concepts', 2], 'unknown concept "no-such-concept"'),
        ];
      },
    },
    {
      name: 'a lesson markdown linking concept:no-such-concept',
      async corrupt(seed) {
        const markdown = await seed.readText(`${LESSON}.ko.md`);
        await seed.writeText(
          `${LESSON}.ko.md`,
          `${markdown.trimEnd()}\n\n[없는 개념](concept:no-such-concept)\n`,
        );
        const lastSection = sectionCount(markdown) - 1;
        return [
          issue(
            `${LESSON}.yaml`,
            ['sections', lastSection, 'link concept:no-such-concept'],
            'unknown concept "no-such-concept"',
          ),
        ];
      },
    },
    {
      name: 'raw HTML in a lesson markdown, naming the .md file and the line',
      async corrupt(seed) {
        const markdown = (await seed.readText(`${LESSON}.ko.md`)).trimEnd();
        await seed.writeText(`${LESSON}.ko.md`, `${markdown}\n\n<div>raw</div>\n`);
        const line = markdown.split('\n').length + 2;
        return [issue(`${LESSON}.ko.md`, [], `line ${line}: raw HTML blocks are not allowed`)];
      },
    },
    {
      name: 'a javascript: link in a lesson markdown, naming the .md file',
      async corrupt(seed) {
        await seed.editText(
          `${LESSON}.en.md`,
          (text) => `${text.trimEnd()}\n\n[click](javascript:alert(1))\n`,
        );
        return [issue(`${LESSON}.en.md`, [], /link target "javascript:alert\(1\)"/)];
      },
    },
    {
      name: 'an English lesson with a different number of sections',
      async corrupt(seed) {
        const markdown = await seed.readText(`${LESSON}.en.md`);
        await seed.writeText(`${LESSON}.en.md`, `${markdown.trimEnd()}\n\n## Extra\n\nMore.\n`);
        const count = sectionCount(markdown);
        return [
          issue(
            `${LESSON}.en.md`,
            [],
            `must have the same sections as the Korean source: ${count} in Korean, ${count + 1} in English`,
          ),
        ];
      },
    },
    {
      name: 'a lesson whose markdown is not a .md file name',
      async corrupt(seed) {
        await seed.editYaml(`${LESSON}.yaml`, (lesson) => {
          lesson.markdown.en = '../secrets.txt';
        });
        return [issue(`${LESSON}.yaml`, ['markdown', 'en'], /must be a \.md file name/)];
      },
    },
  ])('rejects $name', async ({ corrupt }) => {
    const seed = await copySeed();
    const expected = await corrupt(seed);
    const error = await seedError(seed.dir);
    expect(error.name).toBe('SeedValidationError');
    expect(error.issues).toEqual(expected);
  });

  // Files that break while being read or converted are issues too, never a crash.
  it.each<{ name: string; corrupt: (seed: Seed) => Promise<ReturnType<typeof issue>[]> }>([
    {
      name: 'a lesson naming a markdown file that does not exist',
      async corrupt(seed) {
        await seed.editYaml(`${LESSON}.yaml`, (lesson) => {
          lesson.markdown.en = 'missing.en.md';
        });
        return [issue(`${LESSON}.yaml`, ['markdown', 'en'], /missing\.en\.md/)];
      },
    },
    {
      name: 'a YAML alias to an anchor that is never set',
      async corrupt(seed) {
        await seed.editText('concepts/transformer.yaml', (text) =>
          text.replace('category: fundamentals', 'category: *nowhere'),
        );
        return [issue('concepts/transformer.yaml', [], /alias/i)];
      },
    },
    {
      name: 'a YAML alias bomb (more aliases than maxAliasCount)',
      async corrupt(seed) {
        const bomb = ['a: &a [x, x]', 'b: &b [*a, *a]', 'c: &c [*b, *b]', 'd: &d [*c, *c]'];
        bomb.push('e: &e [*d, *d]', 'f: &f [*e, *e]', 'g: [*f, *f]');
        await seed.editText('concepts/transformer.yaml', (text) => `${text}\n${bomb.join('\n')}\n`);
        return [issue('concepts/transformer.yaml', [], /alias/i)];
      },
    },
  ])('rejects $name with a SeedValidationError', async ({ corrupt }) => {
    const seed = await copySeed();
    const expected = await corrupt(seed);
    const error = await seedError(seed.dir);
    expect(error.issues).toEqual(expected);
  });

  it('reports several broken files at once, not just the first, each once', async () => {
    const seed = await copySeed();
    await seed.editText('concepts/decoder.yaml', (text) =>
      text.replace('slug: decoder', 'slug: decoder: oops'),
    );
    await seed.editYaml('concepts/transformer.yaml', (concept) => {
      concept.term.en = 42;
    });
    await seed.editYaml('comparisons/llm-types.yaml', (comparison) => {
      comparison.rows[0].cells.pop();
    });
    await seed.editText(`${LESSON}.ko.md`, (text) => `${text.trimEnd()}\n\n<div>x</div>\n`);
    const error = await seedError(seed.dir);
    // In loading order: categories, concepts (by file name), relations, comparisons, lessons.
    expect(error.issues.map((i) => [i.file, i.path])).toEqual([
      ['concepts/decoder.yaml', []],
      ['concepts/transformer.yaml', ['term', 'en']],
      ['comparisons/llm-types.yaml', ['rows', 0, 'cells']],
      [`${LESSON}.ko.md`, []],
    ]);
  });

  it('reports several reference issues at once', async () => {
    const seed = await copySeed();
    await seed.editYaml('concepts/transformer.yaml', (concept) => {
      concept.category = 'no-such-category';
    });
    await seed.editYaml('relations.yaml', (relations) => {
      relations[0].to = 'no-such-concept';
      relations[1].source.section = 'no-such-section';
    });
    const error = await seedError(seed.dir);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        issue('concepts/transformer.yaml', ['category'], /unknown category/),
        issue('relations.yaml', [0, 'to'], /unknown concept/),
        issue('relations.yaml', [1, 'source', 'section'], /has no section/),
      ]),
    );
    expect(error.issues).toHaveLength(3);
  });

  it('lists every issue in the error message, one per line, as file: path: rule', async () => {
    const seed = await copySeed();
    await seed.editYaml('concepts/transformer.yaml', (concept) => {
      concept.term.en = 42;
    });
    await seed.editYaml('comparisons/llm-types.yaml', (comparison) => {
      comparison.rows[1].cells.pop();
    });
    await seed.editText('concepts/encoder.yaml', (text) =>
      text.replace('slug: encoder', 'slug: encoder: oops'),
    );
    const error = await seedError(seed.dir);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`invalid seed (${error.issues.length} issues):`);
    expect(lines.slice(1)).toHaveLength(error.issues.length);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}concepts\/transformer\.yaml: term\.en: .*expected string/),
        '  comparisons/llm-types.yaml: rows[1].cells: must have one cell per concept (3), got 2',
        expect.stringMatching(/^ {2}concepts\/encoder\.yaml: \(root\): YAML syntax: /),
      ]),
    );
  });

  it('says "1 issue" in the singular', () => {
    const error = new SeedValidationError([{ file: 'a.yaml', path: [0, 'b'], message: 'rule' }]);
    expect(error.message).toBe('invalid seed (1 issue):\n  a.yaml: [0].b: rule');
  });
});
