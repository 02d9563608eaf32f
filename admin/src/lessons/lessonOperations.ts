import { graphql } from '../gql/gql.js';

/** Every lesson an editor may see (drafts included), with its status and English state. */
export const LESSON_LIST = graphql(`
  query LessonList {
    lessons(locale: KO) {
      slug
      number
      title
      status
      version
      updatedAt
      translation {
        state
        current
        outdated
        missing
      }
    }
  }
`);

/**
 * One lesson as the editor needs it: its markdown, title and summary in both locales, and the
 * state of each English text (`title`, `summary`, `sections.<anchor>`) with the Korean change.
 */
export const LESSON_TEXTS = graphql(`
  query LessonTexts($slug: ID!) {
    ko: lesson(slug: $slug, locale: KO) {
      slug
      status
      version
      title
      summary
      markdown
      translation {
        state
        fields(all: true) {
          path
          state
          sourceDiff {
            kind
            text
          }
        }
      }
    }
    en: lesson(slug: $slug, locale: EN) {
      title
      summary
      markdown
    }
  }
`);

/**
 * Saves one locale's markdown (and the title and summary), or both locales' at once
 * (`otherMarkdown`), based on the version started from.
 */
export const UPSERT_LESSON = graphql(`
  mutation UpsertLesson(
    $slug: ID!
    $markdown: String!
    $otherMarkdown: String
    $locale: Locale!
    $version: Int!
    $title: LocalizedInput
    $summary: LocalizedInput
    $allowUntranslated: Boolean
  ) {
    upsertLesson(
      slug: $slug
      markdown: $markdown
      otherMarkdown: $otherMarkdown
      locale: $locale
      expectedVersion: $version
      title: $title
      summary: $summary
      allowUntranslated: $allowUntranslated
    ) {
      version
    }
  }
`);

/** Publishes a lesson (admin); `allowUntranslated` despite English that is not current. */
export const PUBLISH_LESSON = graphql(`
  mutation PublishLesson($slug: ID!, $version: Int!, $allowUntranslated: Boolean) {
    publishLesson(slug: $slug, expectedVersion: $version, allowUntranslated: $allowUntranslated) {
      status
      version
    }
  }
`);

/** Withdraws a published lesson from readers (admin). */
export const UNPUBLISH_LESSON = graphql(`
  mutation UnpublishLesson($slug: ID!, $version: Int!) {
    unpublishLesson(slug: $slug, expectedVersion: $version) {
      status
      version
    }
  }
`);

/** The concepts a link may name (drafts included), for completion: slug, Korean term, aliases. */
export const LINKABLE_CONCEPTS = graphql(`
  query LinkableConcepts($after: String) {
    concepts(first: 100, after: $after, locale: KO) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          slug
          term
          aliases
        }
      }
    }
  }
`);

// Fragments for a block's content; a block's own fields are listed in place (not in a fragment)
// so the API prices them as alternatives (a block is a paragraph or a list or a table …), which
// keeps the preview within the API's query cost.

/** A run of text: its marks, and the concept or address it links to. */
export const SPAN_FIELDS = graphql(`
  fragment SpanFields on Span {
    text
    marks
    href
    concept {
      slug
      term
    }
  }
`);

/** A table: column alignment, header cells and rows. */
export const TABLE_FIELDS = graphql(`
  fragment TableFields on Table {
    align
    header {
      spans {
        ...SpanFields
      }
    }
    rows {
      cells {
        spans {
          ...SpanFields
        }
      }
    }
  }
`);

/**
 * What a save of the markdown would store, never saved: the sections and blocks (a list or
 * quote may hold a list or a paragraph; deeper nesting is cut, within the API's query cost) and
 * the issues the save would refuse; with `otherMarkdown`, as a save of both columns would.
 */
export const PREVIEW_LESSON = graphql(`
  query PreviewLesson($markdown: String!, $locale: Locale!, $slug: ID, $otherMarkdown: String) {
    previewLesson(
      markdown: $markdown
      locale: $locale
      slug: $slug
      otherMarkdown: $otherMarkdown
    ) {
      locale
      issues {
        path
        message
      }
      sections {
        anchor
        level
        title
        blocks {
          type
          level
          ordered
          start
          language
          text
          spans {
            ...SpanFields
          }
          table {
            ...TableFields
          }
          image {
            path
            alt
          }
          items {
            spans {
              ...SpanFields
            }
            blocks {
              type
              level
              ordered
              start
              language
              text
              spans {
                ...SpanFields
              }
              table {
                ...TableFields
              }
              image {
                path
                alt
              }
              items {
                spans {
                  ...SpanFields
                }
              }
            }
          }
          blocks {
            type
            level
            ordered
            start
            language
            text
            spans {
              ...SpanFields
            }
            table {
              ...TableFields
            }
            image {
              path
              alt
            }
            items {
              spans {
                ...SpanFields
              }
            }
          }
        }
      }
    }
  }
`);
