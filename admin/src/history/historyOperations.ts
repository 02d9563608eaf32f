import { graphql } from '../gql/gql.js';

/**
 * A concept's current version and its history, newest first: each version's author, time,
 * translation events and stored document (`data`: texts as `{ ko, en }`, English absent where
 * there was none, so a diff never mistakes a Korean fallback for English).
 */
export const CONCEPT_HISTORY = graphql(`
  query ConceptHistory($slug: ID!, $locale: Locale!) {
    concept(slug: $slug, locale: $locale) {
      slug
      term
      status
      version
    }
    conceptHistory(slug: $slug, limit: 50, locale: $locale) {
      version
      updatedAt
      updatedBy
      deleted
      data
      translationEvents {
        kind
        paths
      }
    }
  }
`);

/** Restores an earlier version's content as a new version (an edit, like updateConcept). */
export const RESTORE_CONCEPT = graphql(`
  mutation RestoreConcept(
    $slug: ID!
    $version: Int!
    $expectedVersion: Int!
    $allowUntranslated: Boolean
  ) {
    restoreConcept(
      slug: $slug
      version: $version
      expectedVersion: $expectedVersion
      allowUntranslated: $allowUntranslated
    ) {
      version
    }
  }
`);
