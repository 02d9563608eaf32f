import {
  ChangesDocument,
  ConceptDocument,
  ConceptsDocument,
  LessonBundleDocument,
  LessonDocument,
  SearchDocument,
} from './gql/graphql.js';

/** The client's operations (src/operations/*.graphql), typed by GraphQL Code Generator. */
export {
  ChangesDocument,
  ConceptDocument,
  ConceptsDocument,
  LessonBundleDocument,
  LessonDocument,
  SearchDocument,
};

/**
 * Every operation this client sends, by name: what persisted-documents.json lists (keyed by the
 * SHA-256 of the exact text sent), for an API that accepts only known documents.
 */
export const OPERATIONS = {
  Changes: ChangesDocument,
  Concept: ConceptDocument,
  Concepts: ConceptsDocument,
  LessonBundle: LessonBundleDocument,
  Lesson: LessonDocument,
  Search: SearchDocument,
} as const;
