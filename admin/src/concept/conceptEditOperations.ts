import { graphql } from '../gql/gql.js';

/**
 * One concept as the editor needs it: its structure (lists, origins, linked concepts, images)
 * read in Korean, and every translatable text with its Korean, its English and the English's
 * state, path by path (`details.0.text`).
 */
export const CONCEPT_EDIT = graphql(`
  query ConceptEdit($slug: ID!) {
    concept(slug: $slug, locale: KO) {
      slug
      status
      version
      updatedAt
      category {
        slug
      }
      aliases
      details {
        origin
      }
      examples
      limitations
      analogies {
        mapping {
          concept {
            slug
          }
        }
        caveats
      }
      media {
        path
        available
      }
      sources {
        lesson {
          slug
        }
        section {
          anchor
        }
      }
      translation {
        fields(all: true) {
          path
          state
          source
          translation
          translatedFrom
          sourceDiff {
            kind
            text
          }
        }
      }
    }
  }
`);

/**
 * Saves what changed since `version` (the version the user started from): a newer version is a
 * CONFLICT. `needsRetranslation: false` keeps current English current across a Korean typo fix;
 * `allowUntranslated` (admin) keeps a published concept published with English left behind.
 */
export const SAVE_CONCEPT = graphql(`
  mutation SaveConcept(
    $slug: ID!
    $patch: ConceptPatch!
    $version: Int!
    $needsRetranslation: Boolean
    $allowUntranslated: Boolean
  ) {
    updateConcept(
      slug: $slug
      patch: $patch
      expectedVersion: $version
      needsRetranslation: $needsRetranslation
      allowUntranslated: $allowUntranslated
    ) {
      version
    }
  }
`);
