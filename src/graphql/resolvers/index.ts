import { GraphQLJSON } from 'graphql-scalars';
import type { Action } from '../../auth/permissions.js';
import {
  blockResolvers,
  listItemResolvers,
  spanResolvers,
  tableCellResolvers,
  tableResolvers,
  tableRowResolvers,
} from './block.js';
import { categoryResolvers, glossaryGroupResolvers } from './category.js';
import {
  comparisonCellResolvers,
  comparisonResolvers,
  comparisonRowResolvers,
} from './comparison.js';
import {
  analogyPairResolvers,
  analogyResolvers,
  conceptResolvers,
  facetResolvers,
  mediaResolvers,
} from './concept.js';
import { lessonResolvers, sectionResolvers } from './lesson.js';
import { lessonPreviewQueryResolvers, lessonPreviewResolvers } from './lessonPreview.js';
import { conceptHistoryResolver, conceptVersionResolvers } from './history.js';
import { mutationResolvers } from './mutation.js';
import { changeEventResolvers, eventEnums, eventsResolver } from './events.js';
import { webhookMutationResolvers, webhookQueryResolvers } from './webhooks.js';
import { changeSetResolvers } from './changeSet.js';
import { queryResolvers } from './query.js';
import { searchHitResolvers } from './searchHit.js';
import {
  fieldTranslationResolvers,
  translatedDocumentResolvers,
  translationField,
  translationQueryResolvers,
  translationResolvers,
} from './translation.js';
import {
  translationFileMutationResolvers,
  translationFileQueryResolvers,
  translationImportDocumentResolvers,
  translationImportReportResolvers,
} from './translationFiles.js';
import {
  pathStepResolvers,
  relationKindInfoResolvers,
  relationResolvers,
  sourceRefResolvers,
} from './relation.js';

/**
 * The resolver map. Enum values map to the stored lower-case forms, so resolvers work with
 * domain values (`'ko'`, `'paragraph'`, `'strong'`) and the schema shows GraphQL-style names.
 */
export const resolvers = {
  Locale: { KO: 'ko', EN: 'en' },
  BlockType: {
    PARAGRAPH: 'paragraph',
    HEADING: 'heading',
    LIST: 'list',
    TABLE: 'table',
    QUOTE: 'quote',
    IMAGE: 'image',
    CODE: 'code',
    THEMATIC_BREAK: 'thematicBreak',
  },
  Mark: { STRONG: 'strong', EMPHASIS: 'emphasis', CODE: 'code', DELETE: 'delete' },
  ContentOrigin: { LESSON: 'lesson', EDITORIAL: 'editorial' },
  Role: { ANONYMOUS: 'anonymous', EDITOR: 'editor', ADMIN: 'admin' },
  Permission: {
    CREATE_DRAFT: 'createDraft',
    EDIT_DRAFT: 'editDraft',
    ADD_RELATION: 'addRelation',
    EDIT_PUBLISHED: 'editPublished',
    PUBLISH: 'publish',
    DELETE: 'delete',
    REMOVE_RELATION: 'removeRelation',
    MANAGE_CATEGORIES: 'manageCategories',
    IMPORT: 'import',
    READ_HISTORY: 'readHistory',
    TRANSLATE: 'translate',
    READ_EVENTS: 'readEvents',
    MANAGE_WEBHOOKS: 'manageWebhooks',
  } satisfies Record<string, Action>,
  JSON: GraphQLJSON,
  ...eventEnums,
  Query: {
    ...queryResolvers,
    ...translationQueryResolvers,
    conceptHistory: conceptHistoryResolver,
    ...translationFileQueryResolvers,
    ...lessonPreviewQueryResolvers,
    events: eventsResolver,
    ...webhookQueryResolvers,
  },
  TranslatedDocument: translatedDocumentResolvers,
  Translation: translationResolvers,
  FieldTranslation: fieldTranslationResolvers,
  Mutation: {
    ...mutationResolvers,
    ...translationFileMutationResolvers,
    ...webhookMutationResolvers,
  },
  ChangeEvent: changeEventResolvers,
  TranslationImportReport: translationImportReportResolvers,
  TranslationImportDocument: translationImportDocumentResolvers,
  ConceptVersion: conceptVersionResolvers,
  SearchHit: searchHitResolvers,
  ChangeSet: changeSetResolvers,
  Concept: { ...conceptResolvers, translation: translationField('concepts') },
  Facet: facetResolvers,
  Analogy: analogyResolvers,
  AnalogyPair: analogyPairResolvers,
  Media: mediaResolvers,
  Relation: relationResolvers,
  PathStep: pathStepResolvers,
  RelationKindInfo: relationKindInfoResolvers,
  SourceRef: sourceRefResolvers,
  Category: { ...categoryResolvers, translation: translationField('categories') },
  GlossaryGroup: glossaryGroupResolvers,
  Lesson: { ...lessonResolvers, translation: translationField('lessons') },
  Section: sectionResolvers,
  LessonPreview: lessonPreviewResolvers,
  Block: blockResolvers,
  Span: spanResolvers,
  ListItem: listItemResolvers,
  Table: tableResolvers,
  TableRow: tableRowResolvers,
  TableCell: tableCellResolvers,
  Comparison: { ...comparisonResolvers, translation: translationField('comparisons') },
  ComparisonRow: comparisonRowResolvers,
  ComparisonCell: comparisonCellResolvers,
};
