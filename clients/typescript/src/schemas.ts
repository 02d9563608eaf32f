// `@llm-course/client/schemas`: the API's own zod schemas (src/domain, compiled into this
// package by `npm run codegen`, see scripts/copyDomain.mjs), for the runtime checks an app
// wants: a slug from a route, a locale from settings, an admin form before its mutation, a
// webhook delivery before trusting it. The API parses with exactly these, so both refuse the
// same input at the same path. Needs `zod` (a peer dependency) installed by the app.
import { z } from 'zod';
import { LOCALES } from './domain/locale.js';

export { MAX_SLUG_LENGTH, anchorSchema, slugSchema, type Slug } from './domain/ids.js';
export { LOCALES, SOURCE_LOCALE, type Locale } from './domain/locale.js';
export { contentStatusSchema, type ContentStatus } from './domain/status.js';
export {
  aliasSchema,
  conceptInputSchema,
  conceptPatchFields,
  conceptSchema,
  facetSchema,
  type Concept,
  type ConceptInput,
  type ConceptPatchField,
} from './domain/concept.js';
export { categorySchema, type Category } from './domain/category.js';
export { relationSchema, type Relation } from './domain/relation.js';
export { RELATION_KINDS, relationKindSchema, type RelationKind } from './domain/relationKinds.js';
export { comparisonSchema, type Comparison } from './domain/comparison.js';
export { MAX_LESSON_MARKDOWN, lessonSourceSchema, type LessonSource } from './domain/lesson.js';
export {
  EVENT_ACTIONS,
  EVENT_NAMES,
  EVENT_TYPES,
  changeEventDeliverySchema,
  changeEventSchema,
  eventName,
  type ChangeEvent,
  type ChangeEventDelivery,
  type EventAction,
  type EventType,
} from './domain/changeEvent.js';
export {
  eventFilterSchema,
  webhookInputSchema,
  webhookPatchSchema,
  type WebhookInput,
  type WebhookPatch,
} from './domain/webhook.js';

/** A locale of the course (`ko`, `en`), as the API's `locale` arguments and fields take it. */
export const localeSchema = z.enum(LOCALES);
