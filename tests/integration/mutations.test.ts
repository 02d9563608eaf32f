// Editing through GraphQL on the embedded store: drafts and preview, patches, validation with
// paths, optimistic concurrency, deletes with referrers and cascade, history, lessons, imports.
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import { defaultSeedDir } from '../../src/paths.js';
import { serveApi } from '../helpers/httpServer.js';
import { as, createDraft, draftInput, outcome, revisionOf, versionOf } from '../helpers/editing.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const CREATE =
  'mutation($i: ConceptInput!) { createConcept(input: $i) { slug status version updatedBy } }';
const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int) { updateConcept(slug: $s, patch: $p, expectedVersion: $v) { version term summary aliases updatedBy } }';

describe('drafts and preview', () => {
  it('creates a DRAFT that only editors and admins see, records its author, and publishes it', async () => {
    const created = await as('editor', served.url, CREATE, {
      i: draftInput('retrieval-augmented-generation'),
    });
    expect(created.data.createConcept).toEqual({
      slug: 'retrieval-augmented-generation',
      status: 'DRAFT',
      version: 1,
      updatedBy: expect.stringMatching(/^editor:[0-9a-f]{12}$/),
    });
    const read =
      '{ concept(slug: "retrieval-augmented-generation") { slug } concepts(category: "fundamentals") { totalCount } }';
    const anonymous = await as('anonymous', served.url, read);
    const editor = await as('editor', served.url, read);
    expect(anonymous.data.concept).toBeNull();
    expect(editor.data.concept).toEqual({ slug: 'retrieval-augmented-generation' });
    expect(editor.data.concepts.totalCount).toBe(anonymous.data.concepts.totalCount + 1);

    const published = await as(
      'admin',
      served.url,
      'mutation { publishConcept(slug: "retrieval-augmented-generation", expectedVersion: 1) { status version } }',
    );
    expect(published.data.publishConcept).toEqual({ status: 'PUBLISHED', version: 2 });
    expect((await as('anonymous', served.url, read)).data.concept).toEqual({
      slug: 'retrieval-augmented-generation',
    });
  });

  it('refuses to publish without English, naming each untranslated field', async () => {
    const input = {
      ...draftInput('korean-only'),
      summary: { ko: '요약만 있음' },
      examples: [{ ko: '예시' }],
    };
    await as('admin', served.url, CREATE, { i: input });
    const answer = await as(
      'admin',
      served.url,
      'mutation { publishConcept(slug: "korean-only", expectedVersion: 1) { status } }',
    );
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.issues).toEqual([
      { path: ['summary'], message: 'has no English translation' },
      { path: ['examples', 0], message: 'has no English translation' },
    ]);
  });
});

describe('patches', () => {
  it('changes only the given fields and locales, bumps the version, and is served at once', async () => {
    const v = await versionOf(served.url, 'encoder');
    const answer = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { term: { en: 'Encoder (Transformer)' }, aliases: ['ENC'] },
      v,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.updateConcept).toMatchObject({ version: v + 1, aliases: ['ENC'] });
    const read = await as(
      'anonymous',
      served.url,
      '{ en: concept(slug: "encoder", locale: EN) { term } ko: concept(slug: "encoder", locale: KO) { term } }',
    );
    expect(read.data.en.term).toBe('Encoder (Transformer)');
    expect(read.data.ko.term).toBe('인코더');
  });

  it('removes a translation with null (on a draft), and refuses it on published content', async () => {
    const v = await createDraft(served.url, 'a-draft');
    const removed = await as('editor', served.url, `${UPDATE}`, {
      s: 'a-draft',
      p: { summary: { en: null } },
      v,
    });
    expect(removed.errors).toBeUndefined();
    const ko = await as(
      'editor',
      served.url,
      '{ concept(slug: "a-draft", locale: EN) { summary } }',
    );
    expect(ko.data.concept.summary).toBe('한 문장 요약.');
    expect(ko.extensions?.locale.fallbacks).toEqual([
      { path: 'concept.summary', requested: 'en', served: 'ko' },
    ]);
    const published = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { summary: { en: null } },
      v: 1,
    });
    expect(outcome(published)).toBe('BAD_USER_INPUT');
    expect(published.errors![0]!.extensions!.issues).toEqual([
      { path: ['patch', 'summary'], message: 'has no English translation' },
    ]);
  });

  it.each([
    [
      'a non-kebab-case slug',
      CREATE,
      { i: { ...draftInput('x'), slug: 'Not Kebab' } },
      ['input', 'slug'],
    ],
    [
      'an unknown category',
      CREATE,
      { i: draftInput('orphan', 'no-such-category') },
      ['input', 'category'],
    ],
    [
      'an over-long term',
      CREATE,
      { i: { ...draftInput('long'), term: { ko: '가'.repeat(121) } } },
      ['input', 'term', 'ko'],
    ],
    [
      'an empty summary',
      CREATE,
      { i: { ...draftInput('empty'), summary: { ko: '   ' } } },
      ['input', 'summary', 'ko'],
    ],
    [
      'a missing definition',
      CREATE,
      { i: { ...draftInput('nodef'), definition: null } },
      ['input', 'definition'],
    ],
    [
      'an analogy linking an unknown concept',
      CREATE,
      {
        i: {
          ...draftInput('analog'),
          analogies: [
            {
              domain: { ko: '요리' },
              text: { ko: '비유' },
              mapping: [{ source: { ko: '요리사' }, target: { ko: 'LLM' }, concept: 'ghost' }],
            },
          ],
        },
      },
      ['input', 'analogies', 0, 'mapping', 0, 'concept'],
    ],
    [
      'a citation of an unknown section',
      CREATE,
      {
        i: {
          ...draftInput('cited'),
          sources: [{ lesson: 'introduction-to-llms', section: 'nowhere' }],
        },
      },
      ['input', 'sources', 0, 'section'],
    ],
  ])(
    'refuses %s with BAD_USER_INPUT at the failing path, writing nothing',
    async (_name, query, variables, path) => {
      const before = await revisionOf(served.url);
      const answer = await as('admin', served.url, query, variables);
      expect(outcome(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0]!.extensions!.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
      expect(await revisionOf(served.url)).toBe(before);
    },
  );
});

describe('optimistic concurrency', () => {
  it('refuses a stale or missing expectedVersion with the current version', async () => {
    const v = await versionOf(served.url, 'encoder');
    await as('admin', served.url, UPDATE, { s: 'encoder', p: { aliases: ['first'] }, v });
    const stale = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { aliases: ['second'] },
      v,
    });
    expect(outcome(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toBe(
      `concepts/encoder is at version ${v + 1}, not the expected version ${v}`,
    );
    expect(stale.errors![0]!.extensions).toEqual({ code: 'CONFLICT', currentVersion: v + 1 });
    const missing = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { aliases: ['third'] },
    });
    expect(outcome(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.extensions!.issues).toEqual([
      { path: ['expectedVersion'], message: expect.any(String) },
    ]);
  });

  it('lets exactly one of 20 concurrent updates with the same version win; the store holds its input', async () => {
    const v = await versionOf(served.url, 'decoder');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('admin', served.url, UPDATE, { s: 'decoder', p: { aliases: [`writer-${i}`] }, v }),
      ),
    );
    const winners = answers.flatMap((a, i) => (outcome(a) === 'ok' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => outcome(a) === 'CONFLICT')).toHaveLength(19);
    const stored = await as(
      'admin',
      served.url,
      '{ concept(slug: "decoder") { aliases version } }',
    );
    expect(stored.data.concept).toEqual({ aliases: [`writer-${winners[0]}`], version: v + 1 });
  });
});

describe('relations', () => {
  it('adds a relation between published concepts (admin) that both ends show at once, and refuses bad ones', async () => {
    const added = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "chain-of-thought", kind: USES, to: "few-shot-learning", note: { ko: "예시를 쓴다", en: "Uses examples" } }) { kind direction label concept { slug } } }',
    );
    expect(added.data.addRelation).toEqual({
      kind: 'USES',
      direction: 'OUTGOING',
      label: '~을(를) 활용한다',
      concept: { slug: 'few-shot-learning' },
    });
    const seen = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "few-shot-learning", locale: EN) { relations(kinds: [USES]) { label concept { slug } } } }',
    );
    expect(seen.data.concept.relations).toContainEqual({
      label: 'is used by',
      concept: { slug: 'chain-of-thought' },
    });

    const again = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "chain-of-thought", kind: USES, to: "few-shot-learning" }) { kind } }',
    );
    expect(outcome(again)).toBe('CONFLICT');
    const mirrored = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "fine-tuning", kind: CONTRASTS_WITH, to: "parameter-efficient-tuning" }) { kind } }',
    );
    expect(outcome(mirrored)).toBe('CONFLICT');
    const unknown = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "encoder", kind: USES, to: "ghost" }) { kind } }',
    );
    expect(outcome(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.extensions!.issues).toEqual([
      { path: ['input', 'to'], message: 'unknown concept "ghost"' },
    ]);
    const wrongCategory = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "encoder", kind: PROVIDED_BY, to: "decoder" }) { kind } }',
    );
    expect(outcome(wrongCategory)).toBe('BAD_USER_INPUT');
    expect(wrongCategory.errors![0]!.extensions!.issues[0].message).toMatch(
      /PROVIDED_BY does not allow a "fundamentals" concept at its "to" end/,
    );
  });

  it('removes a symmetric relation named either way round', async () => {
    const swapped = await as(
      'admin',
      served.url,
      'mutation { removeRelation(from: "fine-tuning", kind: CONTRASTS_WITH, to: "parameter-efficient-tuning") }',
    );
    expect(swapped.data).toEqual({ removeRelation: true });
    const read = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "fine-tuning") { relations(kinds: [CONTRASTS_WITH]) { concept { slug } } } }',
    );
    expect(read.data.concept.relations).toEqual([]);
  });

  it('removes a relation, and says false when there was none', async () => {
    const removed = await as(
      'admin',
      served.url,
      'mutation { removeRelation(from: "encoder", kind: PART_OF, to: "transformer") }',
    );
    expect(removed.data).toEqual({ removeRelation: true });
    const none = await as(
      'admin',
      served.url,
      'mutation { removeRelation(from: "encoder", kind: PART_OF, to: "transformer") }',
    );
    expect(none.data).toEqual({ removeRelation: false });
    const path = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "encoder") { related { slug } } }',
    );
    expect(path.data.concept.related).toEqual([]);
  });
});

describe('deletes', () => {
  it('refuses to delete a concept still referred to, listing the referrers', async () => {
    const answer = await as(
      'admin',
      served.url,
      'mutation { deleteConcept(slug: "encoder", expectedVersion: 1) { slug } }',
    );
    expect(outcome(answer)).toBe('CONFLICT');
    expect(answer.errors![0]!.extensions!.issues).toEqual(
      expect.arrayContaining([
        { path: ['lessons', 'introduction-to-llms'], message: 'links this concept' },
        {
          path: ['relations', 'encoder__PART_OF__transformer'],
          message: 'relates to this concept',
        },
      ]),
    );
  });

  it('cascades to relations and analogy links in one revision, and keeps the tombstone history', async () => {
    const v = await createDraft(served.url, 'temp');
    await as(
      'editor',
      served.url,
      'mutation { addRelation(input: { from: "temp", kind: RELATED_TO, to: "encoder" }) { kind } }',
    );
    const mapping = [
      { source: { ko: '요리사' }, target: { ko: '임시' }, concept: 'temp' },
      { source: { ko: '레시피' }, target: { ko: '인코더' }, concept: 'encoder' },
    ];
    const analogy = { domain: { ko: '요리' }, text: { ko: '비유' }, mapping };
    const linking = await as('admin', served.url, CREATE, {
      i: { ...draftInput('links-temp'), analogies: [analogy] },
    });
    expect(outcome(linking)).toBe('ok');
    const refused = await as(
      'admin',
      served.url,
      `mutation { deleteConcept(slug: "temp", expectedVersion: ${v}) { slug } }`,
    );
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions!.issues).toEqual([
      { path: ['relations', 'temp__RELATED_TO__encoder'], message: 'relates to this concept' },
      { path: ['concepts', 'links-temp'], message: 'maps an analogy to this concept' },
    ]);
    const before = await revisionOf(served.url);
    const deleted = await as(
      'admin',
      served.url,
      `mutation { deleteConcept(slug: "temp", expectedVersion: ${v}, cascade: true) { type slug } }`,
    );
    expect(deleted.data.deleteConcept).toEqual({ type: 'concept', slug: 'temp' });
    expect(await revisionOf(served.url)).toBe(before + 1);
    const encoder = await as(
      'admin',
      served.url,
      '{ concept(slug: "encoder") { relations(kinds: [RELATED_TO]) { concept { slug } } } temp: concept(slug: "temp") { slug } }',
    );
    expect(encoder.data).toEqual({ concept: { relations: [] }, temp: null });
    // The analogy keeps its pairs, the deleted concept's link taken out.
    const unlinked = await as(
      'admin',
      served.url,
      '{ concept(slug: "links-temp") { analogies { mapping { source concept { slug } } } } }',
    );
    expect(unlinked.data.concept.analogies).toEqual([
      {
        mapping: [
          { source: '요리사', concept: null },
          { source: '레시피', concept: { slug: 'encoder' } },
        ],
      },
    ]);
    const history = await as(
      'admin',
      served.url,
      '{ conceptHistory(slug: "temp") { version deleted updatedBy concept { slug } } }',
    );
    expect(history.data.conceptHistory).toEqual([
      { version: 2, deleted: true, updatedBy: expect.stringMatching(/^admin:/), concept: null },
      {
        version: 1,
        deleted: false,
        updatedBy: expect.stringMatching(/^admin:/),
        concept: { slug: 'temp' },
      },
    ]);
  });
});

describe('lessons', () => {
  const LESSON =
    'mutation($md: String!, $v: Int, $l: Locale) { upsertLesson(slug: "prompting-101", markdown: $md, expectedVersion: $v, locale: $l) { slug title status version sections { anchor title concepts { slug } } } }';

  it('creates a draft lesson from markdown, parsed like the seed, and replaces one locale at a time', async () => {
    const ko =
      '# 프롬프트 입문\n\n## 기초 {#basics}\n\n[프롬프트 디자인](concept:prompt-design)을 배운다.\n';
    const created = await as('editor', served.url, LESSON, { md: ko });
    expect(created.data.upsertLesson).toEqual({
      slug: 'prompting-101',
      title: '프롬프트 입문',
      status: 'DRAFT',
      version: 1,
      sections: [{ anchor: 'basics', title: '기초', concepts: [{ slug: 'prompt-design' }] }],
    });
    const en =
      '# Prompting 101\n\n## Basics {#basics}\n\nLearn [prompt design](concept:prompt-design).\n';
    const translated = await as('editor', served.url, LESSON, { md: en, v: 1, l: 'EN' });
    expect(translated.data.upsertLesson.version).toBe(2);
    const misaligned = await as('editor', served.url, LESSON, {
      md: '## Other {#other}\n',
      v: 2,
      l: 'EN',
    });
    expect(outcome(misaligned)).toBe('BAD_USER_INPUT');
    const badLink = await as('editor', served.url, LESSON, {
      md: '## 가 {#basics}\n\n[x](concept:ghost)\n',
      v: 2,
    });
    expect(outcome(badLink)).toBe('BAD_USER_INPUT');
    expect(badLink.errors![0]!.extensions!.issues[0].message).toBe('unknown concept "ghost"');
    const html = await as('editor', served.url, LESSON, {
      md: '## 가 {#basics}\n\n<script>x</script>\n',
      v: 2,
    });
    expect(outcome(html)).toBe('BAD_USER_INPUT');
  });
});

describe('categories', () => {
  it('creates and updates a category', async () => {
    const created = await as(
      'admin',
      served.url,
      'mutation { createCategory(input: { slug: "evaluation", name: { ko: "평가", en: "Evaluation" }, order: 6 }) { slug name order } }',
    );
    expect(created.data.createCategory).toEqual({ slug: 'evaluation', name: '평가', order: 6 });
    const updated = await as(
      'admin',
      served.url,
      'mutation { updateCategory(slug: "evaluation", patch: { order: 0 }, expectedVersion: 1) { order } }',
    );
    expect(updated.data.updateCategory.order).toBe(0);
    const order = await as('anonymous', served.url, '{ categories { slug } }');
    expect(order.data.categories[0].slug).toBe('evaluation');
  });
});

describe('importContent', () => {
  // The seed as a client would send it: lessons as their sources (markdown per locale).
  async function seedAsBundle() {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    return {
      ...bundle,
      lessons: bundle.lessons.map(({ slug, number, title, summary, status, markdown }) => ({
        slug,
        number,
        title,
        summary,
        status,
        markdown,
      })),
    };
  }
  const IMPORT =
    'mutation($b: JSON!, $d: Boolean, $p: Boolean) { importContent(bundle: $b, dryRun: $d, prune: $p) { dryRun written rev collections { collection created updated unchanged deleted kept outdated { id paths } } } }';

  it('reports the same diff as npm run seed: the shipped seed is unchanged', async () => {
    const answer = await as('admin', served.url, IMPORT, { b: await seedAsBundle() });
    expect(answer.errors).toBeUndefined();
    const report = answer.data.importContent;
    expect(report).toMatchObject({ dryRun: true, written: 0, rev: 1 });
    const seed = await seedAsBundle();
    expect(
      report.collections.map((c: any) => [c.collection, c.unchanged.length, c.created.length]),
    ).toEqual(COLLECTIONS.map((name) => [name, seed[name].length, 0]));
  });

  it('writes a changed bundle when asked, and prunes only with prune', async () => {
    const bundle = await seedAsBundle();
    bundle.concepts = bundle.concepts.map((c) =>
      c.slug === 'gemini' ? { ...c, aliases: [...c.aliases, 'Bard'] } : c,
    );
    bundle.comparisons = bundle.comparisons.filter((c) => c.slug !== 'llm-types');
    // Its translation records go with it: records of a document the bundle lacks are refused.
    const { 'llm-types': _dropped, ...comparisons } = bundle.translations!.comparisons!;
    bundle.translations = { ...bundle.translations, comparisons };
    const dry = await as('admin', served.url, IMPORT, { b: bundle });
    expect(dry.data.importContent.collections[1].updated).toEqual(['gemini']);
    expect(dry.data.importContent.collections[3].kept).toEqual(['llm-types']);
    expect(await revisionOf(served.url)).toBe(1);
    const wet = await as('admin', served.url, IMPORT, { b: bundle, d: false, p: true });
    expect(wet.data.importContent).toMatchObject({ dryRun: false, written: 2, rev: 2 });
    const read = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "gemini") { aliases } comparison(slug: "llm-types") { slug } }',
    );
    expect(read.data.concept.aliases).toContain('Bard');
    expect(read.data.comparison).toBeNull();
  });

  it("names the English a bundle's Korean edit leaves outdated", async () => {
    const bundle = await seedAsBundle();
    bundle.concepts = bundle.concepts.map((c) =>
      c.slug === 'encoder'
        ? { ...c, definition: { ...c.definition, ko: `${c.definition.ko} 추가.` } }
        : c,
    );
    const answer = await as('admin', served.url, IMPORT, { b: bundle });
    expect(answer.errors).toBeUndefined();
    const outdated = answer.data.importContent.collections.filter(
      (c: any) => c.outdated.length > 0,
    );
    expect(outdated).toEqual([
      expect.objectContaining({
        collection: 'concepts',
        updated: ['encoder'],
        outdated: [{ id: 'encoder', paths: ['definition'] }],
      }),
    ]);
  });

  it('refuses translation records of a document the bundle does not have', async () => {
    const bundle = await seedAsBundle();
    const concepts = bundle.translations!.concepts!;
    bundle.translations = {
      ...bundle.translations,
      concepts: { ...concepts, ghost: concepts.encoder! },
    };
    const answer = await as('admin', served.url, IMPORT, { b: bundle, d: false });
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.issues).toEqual([
      {
        path: ['bundle', 'translations', 'concepts', 'ghost'],
        message: 'no such document in concepts',
      },
    ]);
    expect(await revisionOf(served.url)).toBe(1);
  });

  it('refuses an invalid bundle, naming the path, and writes nothing', async () => {
    const bundle = await seedAsBundle();
    const ghostAt = bundle.relations.length;
    bundle.relations = [...bundle.relations, { from: 'encoder', kind: 'USES', to: 'ghost' }];
    const answer = await as('admin', served.url, IMPORT, { b: bundle, d: false });
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.issues).toEqual([
      {
        path: ['bundle', 'relations', 'encoder__USES__ghost', ghostAt, 'to'],
        message: 'unknown concept "ghost"',
      },
    ]);
    expect(await revisionOf(served.url)).toBe(1);
    const notABundle = await as('admin', served.url, IMPORT, { b: [1, 2, 3] });
    expect(outcome(notABundle)).toBe('BAD_USER_INPUT');
  });
});
