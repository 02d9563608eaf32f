export { buildLesson, hashLessonSource } from './buildLesson.js';
export { CONCEPT_LINK_SCHEME } from './inlineToSpans.js';
export { MarkdownError } from './markdownError.js';
export { splitSections, type ParsedDocument, type ParsedSection } from './splitSections.js';
export { conceptsIn, plainText, visitBlocks } from './visitBlocks.js';
