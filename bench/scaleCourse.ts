import type { BundleTranslations, CollectionName, ContentBundle } from '../src/domain/bundle.js';
import type { Comparison } from '../src/domain/comparison.js';
import type { Concept } from '../src/domain/concept.js';
import { documentIdOf } from '../src/domain/documentId.js';
import type { Lesson } from '../src/domain/lesson.js';
import type { LocalizedText } from '../src/domain/localized.js';
import type { Relation } from '../src/domain/relation.js';
import type { SourceRef } from '../src/domain/source.js';
import { textFingerprint } from '../src/domain/translation/fingerprint.js';
import { translatableTexts } from '../src/domain/translation/translatableTexts.js';
import type { TranslationMap } from '../src/domain/translation/translationRecord.js';
import { buildLesson } from '../src/markdown/buildLesson.js';
import { copySuffix } from './generateContent.js';

/** The slug of a document in copy `copy` of the course: copy 0 is the course itself. */
export function copySlug(slug: string, copy: number): string {
  return copy === 0 ? slug : `${slug}-${copy}`;
}

/**
 * The course copied `factor` times into one bundle, each copy a complete, valid course: its
 * concepts, relations, comparisons and lessons get the copy's slugs (`gemini-3`, see copySlug)
 * and point only at the copy's own documents (relation ends, compared concepts, the concept
 * links of a lesson's markdown, analogies, citations of lesson sections). Copy 0 is the course
 * as it is. Categories are shared: a catalogue of many courses files them under the same
 * categories. Names, aliases and titles get a numbered suffix (generateContent's words) so the
 * search index sees distinct vocabulary; lessons are rebuilt from their repointed markdown as
 * the loader builds them. Each copied document's translation records are carried over with the
 * fingerprints of its own texts, so every English text keeps its state (current stays current,
 * outdated stays outdated). Pure: the input is not changed.
 */
export function scaleCourse(bundle: ContentBundle, factor: number): ContentBundle {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`the factor must be a whole number of at least 1, got ${factor}`);
  }
  const copies = Array.from({ length: factor }, (_, copy) => copy);
  const scaled: ContentBundle = {
    categories: bundle.categories,
    concepts: copies.flatMap((copy) => bundle.concepts.map((c) => copyConcept(c, copy))),
    relations: copies.flatMap((copy) => bundle.relations.map((r) => copyRelation(r, copy))),
    comparisons: copies.flatMap((copy) => bundle.comparisons.map((c) => copyComparison(c, copy))),
    lessons: copies.flatMap((copy) => bundle.lessons.map((l) => copyLesson(l, copy, bundle))),
  };
  assertDistinctSlugs(scaled);
  if (bundle.translations) {
    scaled.translations = copyTranslations(bundle, scaled, factor);
  }
  return scaled;
}

function copyConcept(concept: Concept, copy: number): Concept {
  if (copy === 0) return concept;
  const suffix = copySuffix(copy);
  return {
    ...concept,
    slug: copySlug(concept.slug, copy),
    term: suffixed(concept.term, (word) => ` ${suffix[word]} ${copy}`),
    aliases: concept.aliases.map((alias) => `${alias} ${copy}`),
    summary: suffixed(concept.summary, (word) => ` (${suffix[word]} ${copy})`),
    analogies: concept.analogies.map((analogy) => ({
      ...analogy,
      mapping: analogy.mapping.map((pair) =>
        pair.concept === undefined ? pair : { ...pair, concept: copySlug(pair.concept, copy) },
      ),
    })),
    sources: concept.sources.map((source) => copySource(source, copy)),
  };
}

function copyRelation(relation: Relation, copy: number): Relation {
  if (copy === 0) return relation;
  return {
    ...relation,
    from: copySlug(relation.from, copy),
    to: copySlug(relation.to, copy),
    ...(relation.source ? { source: copySource(relation.source, copy) } : {}),
  };
}

function copyComparison(comparison: Comparison, copy: number): Comparison {
  if (copy === 0) return comparison;
  const suffix = copySuffix(copy);
  return {
    ...comparison,
    slug: copySlug(comparison.slug, copy),
    title: suffixed(comparison.title, (word) => ` ${suffix[word]} ${copy}`),
    concepts: comparison.concepts.map((slug) => copySlug(slug, copy)),
    ...(comparison.source ? { source: copySource(comparison.source, copy) } : {}),
  };
}

// A lesson is its markdown: the copy's concept links are rewritten in it and the lesson is built
// again (sections, the concepts it teaches, reading time, content hash), as the loader does.
function copyLesson(lesson: Lesson, copy: number, bundle: ContentBundle): Lesson {
  if (copy === 0) return lesson;
  const concepts = new Set(bundle.concepts.map((concept) => concept.slug));
  const relink = (markdown: string) =>
    markdown.replace(/concept:([a-z0-9]+(?:-[a-z0-9]+)*)/g, (link, slug: string) =>
      concepts.has(slug) ? `concept:${copySlug(slug, copy)}` : link,
    );
  const suffix = copySuffix(copy);
  return buildLesson({
    slug: copySlug(lesson.slug, copy),
    number: lesson.number,
    title: suffixed(lesson.title, (word) => ` ${suffix[word]} ${copy}`),
    ...(lesson.summary ? { summary: lesson.summary } : {}),
    status: lesson.status,
    markdown: {
      ko: relink(lesson.markdown.ko),
      ...(lesson.markdown.en === undefined ? {} : { en: relink(lesson.markdown.en) }),
    },
  });
}

function copySource(source: SourceRef, copy: number): SourceRef {
  return { ...source, lesson: copySlug(source.lesson, copy) };
}

// Each locale present gets its suffix; a missing English stays missing (no translation appears).
function suffixed(text: LocalizedText, suffix: (word: 'ko' | 'en') => string): LocalizedText {
  return {
    ko: `${text.ko}${suffix('ko')}`,
    ...(text.en === undefined ? {} : { en: `${text.en}${suffix('en')}` }),
  };
}

// The records of every copy: copy 0 keeps the course's; a copied document's records are the
// original's with the fingerprints of the copy's texts, so each text keeps its state.
function copyTranslations(
  bundle: ContentBundle,
  scaled: ContentBundle,
  factor: number,
): BundleTranslations {
  const result: BundleTranslations = {};
  const collections = Object.keys(bundle.translations ?? {}) as CollectionName[];
  for (const collection of collections) {
    const records = bundle.translations?.[collection];
    if (!records) continue;
    // Shared, not copied: their records stay as they are.
    if (collection === 'categories') {
      result.categories = records;
      continue;
    }
    const originals: unknown[] = bundle[collection];
    const copied: unknown[] = scaled[collection];
    const out: Record<string, TranslationMap> = {};
    for (let copy = 0; copy < factor; copy++) {
      originals.forEach((original, index) => {
        const map = records[documentIdOf(collection, original)];
        if (!map) return;
        const data = copied[copy * originals.length + index];
        out[documentIdOf(collection, data)] =
          copy === 0 ? map : carriedRecords(collection, original, data, map);
      });
    }
    result[collection] = out;
  }
  return result;
}

function carriedRecords(
  collection: CollectionName,
  original: unknown,
  copy: unknown,
  records: TranslationMap,
): TranslationMap {
  const before = new Map(translatableTexts(collection, original).map((t) => [t.path, t]));
  const after = new Map(translatableTexts(collection, copy).map((t) => [t.path, t]));
  const carried: TranslationMap = {};
  for (const [path, record] of Object.entries(records)) {
    const was = before.get(path);
    const now = after.get(path);
    // A record made for other English than the document's is kept as it is: the store treats
    // that English as new either way.
    if (was?.en === undefined || now?.en === undefined || record.en !== textFingerprint(was.en)) {
      carried[path] = record;
      continue;
    }
    const current = record.ko === textFingerprint(was.ko);
    carried[path] = {
      ...record,
      en: textFingerprint(now.en),
      // Outdated English keeps the fingerprint of the Korean it was made from: still outdated.
      ...(current ? { ko: textFingerprint(now.ko) } : {}),
    };
  }
  return carried;
}

// A course whose own slugs end like a copy's (`gpt` and `gpt-4`) would collide with a copy.
function assertDistinctSlugs(bundle: ContentBundle): void {
  for (const collection of ['concepts', 'comparisons', 'lessons'] as const) {
    const seen = new Set<string>();
    for (const { slug } of bundle[collection]) {
      if (seen.has(slug)) {
        throw new Error(`scaling the course makes ${collection}/${slug} twice`);
      }
      seen.add(slug);
    }
  }
}
