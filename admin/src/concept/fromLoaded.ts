import type { ConceptEditQuery } from '../gql/graphql.js';
import type { Draft, TextDraft } from './draft.js';

/** A concept as the editor loaded it. */
export type LoadedConcept = NonNullable<ConceptEditQuery['concept']>;

/** One translatable text as loaded: its Korean, English and the English's state. */
export type LoadedField = LoadedConcept['translation']['fields'][number];

/**
 * The editor's draft of a loaded concept. The structure comes from the concept read in Korean;
 * each text's two languages come from its translation field (`details.0.text`: the Korean
 * source and the English, if any), which is the only place the API gives both side by side.
 */
export function draftOf(concept: LoadedConcept): Draft {
  const fields = new Map(concept.translation.fields.map((field) => [field.path, field]));
  const text = (path: string): TextDraft => {
    const field = fields.get(path);
    return { ko: field?.source ?? '', en: field?.translation ?? '' };
  };
  return {
    category: concept.category.slug,
    term: text('term'),
    aliases: concept.aliases,
    summary: text('summary'),
    definition: text('definition'),
    details: concept.details.map((facet, i) => ({
      title: text(`details.${i}.title`),
      text: text(`details.${i}.text`),
      origin: facet.origin === 'EDITORIAL' ? 'editorial' : 'lesson',
    })),
    examples: concept.examples.map((_, i) => text(`examples.${i}`)),
    analogies: concept.analogies.map((analogy, i) => ({
      domain: text(`analogies.${i}.domain`),
      text: text(`analogies.${i}.text`),
      mapping: analogy.mapping.map((pair, j) => ({
        source: text(`analogies.${i}.mapping.${j}.source`),
        target: text(`analogies.${i}.mapping.${j}.target`),
        concept: pair.concept?.slug ?? '',
      })),
      caveats: analogy.caveats.map((_, j) => text(`analogies.${i}.caveats.${j}`)),
    })),
    limitations: concept.limitations.map((_, i) => text(`limitations.${i}`)),
    media: concept.media.map((image, i) => ({
      path: image.path,
      alt: text(`media.${i}.alt`),
      available: image.available,
    })),
    sources: concept.sources.map((source) => ({
      lesson: source.lesson.slug,
      section: source.section?.anchor ?? '',
    })),
  };
}
