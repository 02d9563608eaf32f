export { createClient, type Client, type ClientOptions } from './client.js';
export * from './errors.js';
export * from './documents.js';
export { persistedDocuments } from './persistedManifest.js';
export type { RetryPolicy } from './retry.js';
export type { RestAnswer, RestOptions, RestPath, RestQuery } from './rest.js';
export type * from './gql/graphql.js';
export {
  OfflineLesson,
  touches,
  type ChangePage,
  type CourseLocale,
  type LessonBundle,
  type SyncOutcome,
} from './offlineLesson.js';
export { MemoryStorage, type SyncStorage } from './syncStorage.js';
