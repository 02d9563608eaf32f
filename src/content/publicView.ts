import type { Block, Span } from '../domain/block.js';
import { viewOfHolder } from './outdatedTranslations.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson, SectionBody } from '../domain/lesson.js';
import type { Relation } from '../domain/relation.js';
import { unlinkConceptLinks } from '../markdown/unlinkConceptLinks.js';
import { keptFacts } from '../store/deferredFields.js';
import type { Entry } from './entries.js';

/** What a reader may see: concepts and lessons by slug. */
export interface Visibility {
  concept(slug: string): boolean;
  lesson(slug: string): boolean;
}

/**
 * A concept as a reader sees it: analogy links to concepts and sources in lessons the reader
 * cannot see are taken out (the concept itself stays). The entry itself when nothing is hidden.
 */
export function conceptView(concept: Entry<Concept>, visible: Visibility): Entry<Concept> {
  if (!hidesLinks(concept, visible)) return concept;
  return {
    ...concept,
    analogies: concept.analogies.map((analogy) => ({
      ...analogy,
      mapping: analogy.mapping.map((pair) => {
        if (pair.concept === undefined || visible.concept(pair.concept)) return pair;
        const { concept: _hidden, ...unlinked } = pair;
        return unlinked;
      }),
    })),
    sources: concept.sources.filter((source) => visible.lesson(source.lesson)),
  };
}

// The keys of the documents a concept links (see conceptLinks).
const CONCEPT_KEY = 'concepts/';
const LESSON_KEY = 'lessons/';

// Whether a concept links something the reader cannot see. Every start views every concept:
// a concept restored from a compiled course answers from the links its build kept, its
// analogies and sources unread (see conceptLinks).
function hidesLinks(concept: Entry<Concept>, visible: Visibility): boolean {
  const kept = keptLinks(concept);
  if (kept) {
    // A loop, not some(): a start runs this cold, for every concept.
    for (let i = 0; i < kept.length; i++) {
      const key = kept[i]!;
      const seen = key.startsWith(CONCEPT_KEY)
        ? visible.concept(key.slice(CONCEPT_KEY.length))
        : visible.lesson(key.slice(LESSON_KEY.length));
      if (!seen) return true;
    }
    return false;
  }
  // Without them (a Firestore start, a concept written since), the fields as they are: turning
  // them into keys first would make an array and its strings per concept at every full build.
  return (
    concept.analogies.some((analogy) =>
      analogy.mapping.some((pair) => pair.concept !== undefined && !visible.concept(pair.concept)),
    ) || concept.sources.some((source) => !visible.lesson(source.lesson))
  );
}

/**
 * A lesson as a reader sees it: links to concepts the reader cannot see become plain text, in
 * its blocks and in its markdown, and its lists of concepts leave them out. Publishing refuses
 * a lesson that links unpublished concepts; this is for a concept unpublished afterwards.
 * The entry itself when it links nothing hidden.
 */
export function lessonView(lesson: Entry<Lesson>, visible: Visibility): Entry<Lesson> {
  if (lesson.concepts.every((slug) => visible.concept(slug))) return lesson;
  const hidden = (slug: string) => !visible.concept(slug);
  const body = (content: SectionBody): SectionBody => ({
    blocks: content.blocks.map((block) => unlinkBlock(block, hidden)),
    markdown: unlinkConceptLinks(content.markdown, hidden),
  });
  // The copies answer for the originals' translation state (an outdated English stays so).
  return {
    ...lesson,
    markdown: viewOfHolder(
      {
        ko: unlinkConceptLinks(lesson.markdown.ko, hidden),
        ...(lesson.markdown.en !== undefined
          ? { en: unlinkConceptLinks(lesson.markdown.en, hidden) }
          : {}),
      },
      lesson.markdown,
    ),
    sections: lesson.sections.map((section) => ({
      ...section,
      body: viewOfHolder(
        {
          ko: body(section.body.ko),
          ...(section.body.en ? { en: body(section.body.en) } : {}),
        },
        section.body,
      ),
      concepts: section.concepts.filter((slug) => visible.concept(slug)),
    })),
    concepts: lesson.concepts.filter((slug) => visible.concept(slug)),
  };
}

/**
 * A relation or comparison as a reader sees it: its citation of a lesson the reader cannot see
 * is left out (the citation would name a draft lesson). The entry itself when nothing is hidden.
 */
export function citingView<T extends Relation | Comparison>(
  document: Entry<T>,
  visible: Visibility,
): Entry<T> {
  if (document.source === undefined || visible.lesson(document.source.lesson)) return document;
  const { source: _hidden, ...rest } = document;
  return rest as Entry<T>;
}

/**
 * The documents whose visibility a document's view depends on, as `collection/id` keys: when
 * one of them is published or unpublished, a reader's copy of this document appears, vanishes
 * or changes without the document being written (sync must send it again).
 */
export function visibilityDependencies(
  collection: 'concepts' | 'lessons' | 'relations' | 'comparisons',
  document: Concept | Lesson | Relation | Comparison,
): string[] {
  const cited = (source: { lesson: string } | undefined) =>
    source ? [`lessons/${source.lesson}`] : [];
  switch (collection) {
    case 'lessons':
      return (document as Lesson).concepts.map((slug) => `concepts/${slug}`);
    case 'relations': {
      const relation = document as Relation;
      return [`concepts/${relation.from}`, `concepts/${relation.to}`, ...cited(relation.source)];
    }
    case 'comparisons': {
      const comparison = document as Comparison;
      return [
        ...comparison.concepts.map((slug) => `concepts/${slug}`),
        ...cited(comparison.source),
      ];
    }
    case 'concepts':
      return [...conceptLinks(document as Concept)];
  }
}

// The fields of a concept that link other documents: its analogies and its sources.
const CONCEPT_LINK_FIELDS = ['analogies', 'sources'] as const;

// What a concept links, as `collection/id` keys: the concepts its analogies map to, then the
// lessons its sources cite (a document linked twice, twice). A concept restored from a compiled
// course answers from the facts its build kept (see keptFacts), its CONCEPT_LINK_FIELDS left
// unread while they are deferred.
function conceptLinks(concept: Concept): readonly string[] {
  return keptLinks(concept) ?? linksOfConcept(concept);
}

/** What a concept links (see conceptLinks), read from its fields: what a build keeps of them. */
export function linksOfConcept(concept: Concept): string[] {
  return [
    ...concept.analogies.flatMap((analogy) =>
      analogy.mapping.flatMap((pair) => (pair.concept ? [CONCEPT_KEY + pair.concept] : [])),
    ),
    ...concept.sources.map((source) => LESSON_KEY + source.lesson),
  ];
}

// The links a build kept of a concept's deferred CONCEPT_LINK_FIELDS, while they are deferred.
function keptLinks(concept: Concept): readonly string[] | undefined {
  return keptFacts(concept, CONCEPT_LINK_FIELDS) as readonly string[] | undefined;
}

function unlinkBlock(block: Block, hidden: (slug: string) => boolean): Block {
  const spans = (list: Span[]) => list.map((span) => unlinkSpan(span, hidden));
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { ...block, spans: spans(block.spans) };
    case 'list':
      return {
        ...block,
        items: block.items.map((item) => ({
          spans: spans(item.spans),
          blocks: item.blocks.map((inner) => unlinkBlock(inner, hidden)),
        })),
      };
    case 'table':
      return {
        ...block,
        header: block.header.map((cell) => ({ spans: spans(cell.spans) })),
        rows: block.rows.map((row) => row.map((cell) => ({ spans: spans(cell.spans) }))),
      };
    case 'quote':
      return { ...block, blocks: block.blocks.map((inner) => unlinkBlock(inner, hidden)) };
    default:
      return block;
  }
}

function unlinkSpan(span: Span, hidden: (slug: string) => boolean): Span {
  if (span.concept === undefined || !hidden(span.concept)) return span;
  const { concept: _hidden, ...text } = span;
  return text;
}
