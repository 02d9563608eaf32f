import type { RELATION_KIND_DEFINITIONS } from '../../src/domain/relationKinds.js';
import { relationId } from '../../src/domain/relation.js';
import { plainText } from '../../src/markdown/visitBlocks.js';
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { translationStates } from '../../src/seed/translationStates.js';
import { textFingerprint } from '../../src/domain/translation/fingerprint.js';
import { translatableTexts } from '../../src/domain/translation/translatableTexts.js';
import { documentIdOf } from '../../src/domain/documentId.js';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import type { ContentBundle } from '../../src/domain/bundle.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The shipped course content: the slugs, relations and comparisons the public contract promises.
const REQUIRED_CONCEPTS: Record<string, string[]> = {
  fundamentals: [
    'generative-ai',
    'large-language-model',
    'deep-learning',
    'pre-training',
    'transformer',
    'encoder',
    'decoder',
    'foundation-model',
    'generative-model',
    'neural-network',
    'traditional-programming',
    'llm-development',
    'traditional-ml-development',
  ],
  'llm-types': ['generic-language-model', 'instruction-tuned-model', 'dialog-tuned-model'],
  'tuning-methods': ['model-tuning', 'fine-tuning', 'parameter-efficient-tuning'],
  prompting: [
    'prompt-design',
    'prompt-engineering',
    'chain-of-thought',
    'few-shot-learning',
    'zero-shot-learning',
  ],
  'google-cloud-tools': ['vertex-ai-studio', 'vertex-ai-agent-builder', 'gemini', 'model-garden'],
};

const REQUIRED_RELATIONS: [string, string, string][] = [
  ['large-language-model', 'SUBSET_OF', 'deep-learning'],
  ['large-language-model', 'BASED_ON', 'transformer'],
  ['encoder', 'PART_OF', 'transformer'],
  ['decoder', 'PART_OF', 'transformer'],
  ['generic-language-model', 'IS_A', 'large-language-model'],
  ['instruction-tuned-model', 'IS_A', 'large-language-model'],
  ['dialog-tuned-model', 'IS_A', 'large-language-model'],
  ['fine-tuning', 'IS_A', 'model-tuning'],
  ['parameter-efficient-tuning', 'IS_A', 'model-tuning'],
  ['parameter-efficient-tuning', 'CONTRASTS_WITH', 'fine-tuning'],
  ['prompt-engineering', 'SPECIALIZES', 'prompt-design'],
  ['pre-training', 'PRECEDES', 'fine-tuning'],
  ['traditional-programming', 'PRECEDES', 'neural-network'],
  ['neural-network', 'PRECEDES', 'generative-model'],
  ['large-language-model', 'ENABLES', 'few-shot-learning'],
  ['large-language-model', 'ENABLES', 'zero-shot-learning'],
  ['llm-development', 'CONTRASTS_WITH', 'traditional-ml-development'],
];

let bundle: ContentBundle;
beforeAll(async () => {
  bundle = await loadSeedDirectory(defaultSeedDir());
});

describe('the shipped seed', () => {
  it('has every required concept in its category, with English for every text field', () => {
    for (const [category, slugs] of Object.entries(REQUIRED_CONCEPTS)) {
      for (const slug of slugs) {
        const concept = bundle.concepts.find((c) => c.slug === slug);
        expect({ slug, category: concept?.category }).toEqual({ slug, category });
      }
    }
    const missing: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.ko === 'string' && record.en === undefined) missing.push(path);
        for (const [key, v] of Object.entries(record)) walk(v, `${path}.${key}`);
      }
    };
    walk(bundle.concepts, 'concepts');
    walk(bundle.categories, 'categories');
    walk(bundle.comparisons, 'comparisons');
    walk(bundle.relations, 'relations');
    walk(
      bundle.lessons.map((l) => ({ title: l.title, summary: l.summary, markdown: l.markdown })),
      'lessons',
    );
    expect(missing).toEqual([]);
  });

  it('has every English text CURRENT by a record made for it, and none MISSING', () => {
    const states = translationStates(bundle);
    expect(states.length).toBeGreaterThan(400);
    const notCurrent = states
      .filter((text) => text.state !== 'CURRENT')
      .map((text) => `${text.state} ${text.collection}/${text.id}: ${text.path}`);
    expect(notCurrent).toEqual([]); // MISSING ones would be listed here too
    // CURRENT by a record of this very English, not for want of a record.
    const unrecorded: string[] = [];
    for (const collection of COLLECTIONS) {
      for (const data of bundle[collection] as unknown[]) {
        const id = documentIdOf(collection, data);
        for (const text of translatableTexts(collection, data)) {
          const record = bundle.translations?.[collection]?.[id]?.[text.path];
          if (record?.en !== textFingerprint(text.en ?? '')) {
            unrecorded.push(`${collection}/${id}: ${text.path}`);
          }
        }
      }
    }
    expect(unrecorded).toEqual([]);
  });

  it('knows PETM and the former name of Agent Builder as aliases', () => {
    const aliases = (slug: string) => bundle.concepts.find((c) => c.slug === slug)?.aliases ?? [];
    expect(aliases('parameter-efficient-tuning')).toContain('PETM');
    expect(aliases('vertex-ai-agent-builder')).toContain('Vertex AI Search and Conversation');
    expect(aliases('large-language-model')).toContain('LLM');
  });

  it('has the required relations, each citing a lesson section', () => {
    const ids = new Set(bundle.relations.map(relationId));
    for (const [from, kind, to] of REQUIRED_RELATIONS) {
      const id = relationId({ from, kind: kind as keyof typeof RELATION_KIND_DEFINITIONS, to });
      expect({ id, present: ids.has(id) }).toEqual({ id, present: true });
    }
    const uncited = bundle.relations.filter((r) => !r.source).map(relationId);
    expect(uncited).toEqual([]);
    const related = new Set(bundle.relations.flatMap((r) => [r.from, r.to]));
    for (const tool of REQUIRED_CONCEPTS['google-cloud-tools']!) {
      expect({ tool, related: related.has(tool) }).toEqual({ tool, related: true });
    }
  });

  // The editorial review's corrections: relations that read backwards or claimed too much.
  it.each([
    [
      'Gemini is a multimodal model',
      'gemini__IS_A__multimodal-model',
      'multimodal-model__PROVIDED_BY__gemini',
    ],
    [
      'Vertex AI Studio is related to generative AI, which it does not provide',
      'vertex-ai-studio__RELATED_TO__generative-ai',
      'generative-ai__PROVIDED_BY__vertex-ai-studio',
    ],
    [
      'Agent Builder lets you build chatbots',
      'vertex-ai-agent-builder__ENABLES__chatbot',
      'chatbot__PROVIDED_BY__vertex-ai-agent-builder',
    ],
  ])('says %s', (_claim, present, absent) => {
    const ids = bundle.relations.map(relationId);
    expect(ids).toContain(present);
    expect(ids).not.toContain(absent);
  });

  it('keeps "기반 모델" (the lesson\'s underlying model: the transformer) off foundation-model', () => {
    const aliases = (slug: string) => bundle.concepts.find((c) => c.slug === slug)?.aliases ?? [];
    expect(aliases('foundation-model')).not.toContain('기반 모델');
    expect(aliases('transformer')).toContain('LLM의 기반 모델');
  });

  it('has structured analogies with mapping pairs (chef ↔ LLM, recipes ↔ training data)', () => {
    const pairs = bundle.concepts.flatMap((c) =>
      c.analogies.flatMap((a) => a.mapping.map((p) => `${p.source.en} -> ${p.target.en}`)),
    );
    expect(pairs.some((p) => /chef/i.test(p))).toBe(true);
    expect(pairs.some((p) => /recipe/i.test(p))).toBe(true);
  });

  it('has the authored comparisons', () => {
    const chef = bundle.comparisons.find((c) => c.slug === 'tuning-approaches');
    expect(chef?.concepts).toEqual([
      'foundation-model',
      'model-tuning',
      'fine-tuning',
      'parameter-efficient-tuning',
    ]);
    expect(chef?.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['analogy', 'problems']));
    expect(bundle.comparisons.length).toBeGreaterThanOrEqual(3);
  });

  it('has the lesson with sections whose spans link concepts and keep the two images as media', () => {
    const lesson = bundle.lessons.find((l) => l.slug === 'introduction-to-llms');
    expect(lesson?.number).toBe(2);
    expect(lesson!.sections.length).toBeGreaterThanOrEqual(13);
    expect(lesson!.concepts.length).toBeGreaterThanOrEqual(20);
    const images = lesson!.sections.flatMap((s) =>
      s.body.ko.blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap((i) => i.blocks) : [b])),
    );
    expect(
      images.filter((b) => b.type === 'image').map((b) => b.type === 'image' && b.src),
    ).toEqual(['../resources/vertex-ai-studio.png', '../resources/model-garden.png']);
    const types = new Set(lesson!.sections.flatMap((s) => s.body.ko.blocks.map((b) => b.type)));
    for (const type of ['paragraph', 'list', 'table', 'quote']) expect(types).toContain(type);
    expect(plainText(lesson!.sections[0]!.body.ko.blocks)).toContain('새로운 콘텐츠');
  });

  // General knowledge the note does not contain is marked as the editors', and really is not in
  // the note: readers and these tests can tell the course's additions from its source.
  it('marks the general knowledge it adds as editorial, and none of it is in the note', () => {
    const note = readFileSync(join(defaultSeedDir(), 'source', '000_d7366607ff1db3ac.txt'), 'utf8');
    const editorial = bundle.concepts.flatMap((c) =>
      c.details.filter((d) => d.origin === 'editorial').map((d) => ({ slug: c.slug, facet: d })),
    );
    expect(editorial.map((e) => e.slug).sort()).toEqual([
      'few-shot-learning',
      'fine-tuning',
      'model-garden',
      'transformer',
      'vertex-ai-agent-builder',
      'vertex-ai-studio',
      'zero-shot-learning',
    ]);
    const squash = (text: string) => text.replace(/\s/g, '');
    for (const { facet } of editorial) {
      expect(squash(note)).not.toContain(squash(facet.text.ko));
    }
    const text = (slug: string) =>
      editorial
        .filter((e) => e.slug === slug)
        .map((e) => e.facet.text.en)
        .join(' ');
    expect(text('transformer')).toMatch(/decoder alone/);
    expect(text('few-shot-learning')).toMatch(/examples of the task in the prompt/);
    expect(text('zero-shot-learning')).toMatch(/no examples in the prompt/);
    expect(text('fine-tuning')).toMatch(/full fine-tuning/);
    expect(text('vertex-ai-studio')).toMatch(/as of the course/);
    expect(text('vertex-ai-agent-builder')).toMatch(/as of the course/);
  });
});
