/** A ready-to-run example: a tab of the explorer. */
export interface ExplorerExample {
  /** The operation's name in its tab (the README sends it unnamed). */
  name: string;
  /** The README example's query, as the README sends it (a test keeps them equal). */
  query: string;
}

/**
 * The README's example queries (section "Example requests"), opened as tabs: each is a real
 * request whose answer the README prints. `tests/unit/explorerExamples.test.ts` checks every
 * one is still a README example, so the explorer never offers a query the docs dropped.
 */
export const EXPLORER_EXAMPLES: readonly ExplorerExample[] = [
  {
    name: 'ConceptWithRelations',
    query:
      '{ concept(slug: "parameter-efficient-tuning", locale: EN) { term aliases summary relations(kinds: [IS_A, CONTRASTS_WITH]) { label concept { slug } } } }',
  },
  {
    name: 'LessonSection',
    query:
      '{ lesson(slug: "introduction-to-llms", locale: EN) { number title readingMinutes section(anchor: "generative-ai-definition") { title blocks { type spans { text concept { slug } } } } } }',
  },
  {
    name: 'ConceptsOfCategory',
    query:
      '{ concepts(category: "llm-types", first: 2, locale: EN) { totalCount edges { node { slug term } } pageInfo { hasNextPage endCursor } } }',
  },
  {
    name: 'RelationPath',
    query:
      '{ path(from: "encoder", to: "zero-shot-learning") { from { slug } label to { slug } } }',
  },
  {
    name: 'CompareConcepts',
    query:
      '{ compare(slugs: ["fine-tuning", "parameter-efficient-tuning"], locale: EN) { title rows { key } } }',
  },
  {
    name: 'GlossaryInitials',
    query: '{ glossary(locale: KO) { initial } }',
  },
];
