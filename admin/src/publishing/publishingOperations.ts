import { graphql } from '../gql/gql.js';

/** What a reader asking in one locale gets for a concept (anonymous: published only). */
export const CONCEPT_AS_READ = graphql(`
  query ConceptAsRead($slug: ID!, $locale: Locale!) {
    concept(slug: $slug, locale: $locale) {
      term
      summary
      definition
      aliases
    }
  }
`);

/** A concept's status and each English text's state, to say whether it can be published. */
export const CONCEPT_READINESS = graphql(`
  query ConceptReadiness($slug: ID!) {
    concept(slug: $slug, locale: KO) {
      term
      status
      version
      translation {
        fields(all: true) {
          path
          state
        }
      }
    }
  }
`);

/** Publishes (admin); `allowUntranslated` publishes despite English that is not current. */
export const PUBLISH = graphql(`
  mutation Publish($slug: ID!, $version: Int!, $allowUntranslated: Boolean) {
    publishConcept(slug: $slug, expectedVersion: $version, allowUntranslated: $allowUntranslated) {
      status
      version
    }
  }
`);

/** Withdraws a published concept from readers (admin). */
export const UNPUBLISH = graphql(`
  mutation Unpublish($slug: ID!, $version: Int!) {
    unpublishConcept(slug: $slug, expectedVersion: $version) {
      status
      version
    }
  }
`);
