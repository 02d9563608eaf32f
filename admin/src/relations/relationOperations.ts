import { graphql } from '../gql/gql.js';

/** A concept's relations both ways, each labelled from this concept, in the console's locale. */
export const CONCEPT_RELATIONS = graphql(`
  query ConceptRelations($slug: ID!, $locale: Locale!) {
    concept(slug: $slug, locale: $locale) {
      slug
      term
      status
      category {
        slug
      }
      relations(direction: BOTH) {
        id
        kind
        direction
        label
        note
        concept {
          slug
          term
          status
        }
      }
    }
  }
`);

/** Every relation kind: its labels both ways and which categories its ends allow. */
export const RELATION_KIND_RULES = graphql(`
  query RelationKindRules($locale: Locale!) {
    relationKinds(locale: $locale) {
      kind
      label
      inverseLabel
      symmetric
      fromCategories
      toCategories
    }
  }
`);

/** Concepts to relate to, found by the API's search (drafts included for editors and admins). */
export const RELATION_TARGETS = graphql(`
  query RelationTargets($query: String!, $locale: Locale!) {
    search(query: $query, first: 10, locale: $locale) {
      concept {
        slug
        term
        status
        category {
          slug
        }
      }
    }
  }
`);

/** Adds a relation (editors: with a draft at one end; admins: any). */
export const ADD_RELATION = graphql(`
  mutation AddRelation($input: RelationInput!) {
    addRelation(input: $input) {
      id
    }
  }
`);

/** Removes a relation (admins). */
export const REMOVE_RELATION = graphql(`
  mutation RemoveRelation($from: ID!, $kind: RelationKind!, $to: ID!) {
    removeRelation(from: $from, kind: $kind, to: $to)
  }
`);
