import { graphql } from './gql/gql.js';

/** A page of the concepts an editor may see (drafts included), with their states. */
export const CONCEPT_LIST = graphql(`
  query ConceptList($category: ID, $after: String) {
    concepts(category: $category, first: 100, after: $after, locale: KO) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

/** The categories to filter by. */
export const CATEGORY_CHOICES = graphql(`
  query CategoryChoices {
    categories(locale: KO) {
      slug
      name
    }
  }
`);

/** Concepts found by the API's search (Korean and English, typo- and particle-tolerant). */
export const SEARCH_CONCEPTS = graphql(`
  query SearchConcepts($query: String!) {
    search(query: $query, first: 20, locale: KO) {
      field
      snippet
      concept {
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
