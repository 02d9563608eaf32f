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

/** Creates a draft. */
export const CREATE_CONCEPT = graphql(`
  mutation CreateConcept($input: ConceptInput!) {
    createConcept(input: $input) {
      slug
      version
    }
  }
`);
