import { graphql } from './gql/gql.js';

/** Every concept an editor may see (drafts included), with its state and its English's. */
export const CONCEPT_LIST = graphql(`
  query ConceptList {
    concepts(first: 100, locale: KO) {
      totalCount
      edges {
        node {
          slug
          term
          status
          version
          category {
            slug
          }
          translation {
            state
          }
        }
      }
    }
  }
`);

/** One concept's texts in both languages, field by field, with each English text's state. */
export const CONCEPT_TEXTS = graphql(`
  query ConceptTexts($slug: ID!) {
    concept(slug: $slug, locale: KO) {
      slug
      status
      version
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

/** Saves the edited texts, based on the version the editor started from. */
export const UPDATE_CONCEPT = graphql(`
  mutation UpdateConcept($slug: ID!, $patch: ConceptPatch!, $version: Int!) {
    updateConcept(slug: $slug, patch: $patch, expectedVersion: $version) {
      version
    }
  }
`);

/** Creates a draft. */
export const CREATE_CONCEPT = graphql(`
  mutation CreateConcept($input: ConceptInput!) {
    createConcept(input: $input) {
      slug
      version
    }
  }
`);

/** Publishes (admin). */
export const PUBLISH_CONCEPT = graphql(`
  mutation PublishConcept($slug: ID!, $version: Int!) {
    publishConcept(slug: $slug, expectedVersion: $version) {
      status
      version
    }
  }
`);
