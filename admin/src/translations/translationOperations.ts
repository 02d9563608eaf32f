import { graphql } from '../gql/gql.js';

/**
 * A page of the translators' work list: documents whose English is not CURRENT, oldest change
 * of the Korean first, each with the texts that need work (present Korean, present English, the
 * Korean it was made from and how the Korean changed).
 */
export const TRANSLATION_QUEUE = graphql(`
  query TranslationQueue(
    $states: [TranslationState!]
    $type: TranslatableType
    $first: Int
    $after: String
  ) {
    translationQueue(states: $states, type: $type, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...QueuedDocument
        }
      }
    }
  }
`);

/** One queued document with the texts that need work (shared by the queue and its reload). */
export const QUEUED_DOCUMENT = graphql(`
  fragment QueuedDocument on TranslatedDocument {
    type
    id
    title
    version
    status
    since
    translation {
      state
      fields {
        path
        state
        source
        translation
        translatedFrom
        sourceDiff {
          kind
          text
        }
        sourceChangedAt
      }
    }
  }
`);

/** One document as it is now (after an action, or a CONFLICT), to update its place in the queue. */
export const QUEUED_DOCUMENT_NOW = graphql(`
  query QueuedDocumentNow($type: TranslatableType!, $id: ID!) {
    translationStatus(type: $type, id: $id) {
      ...QueuedDocument
    }
  }
`);

/** Writes the English of one text; it becomes CURRENT (published content needs an admin). */
export const UPDATE_TRANSLATION = graphql(`
  mutation UpdateTranslation(
    $type: TranslatableType!
    $id: ID!
    $path: String!
    $text: String!
    $version: Int!
  ) {
    updateTranslations(
      type: $type
      id: $id
      translations: [{ path: $path, text: $text }]
      expectedVersion: $version
    ) {
      ...QueuedDocument
    }
  }
`);

/** Confirms that a text's outdated English still says what the present Korean says. */
export const CONFIRM_TRANSLATION = graphql(`
  mutation ConfirmTranslation($type: TranslatableType!, $id: ID!, $path: String!, $version: Int!) {
    confirmTranslation(type: $type, id: $id, paths: [$path], expectedVersion: $version) {
      ...QueuedDocument
    }
  }
`);
