import { graphql } from '../gql/gql.js';

/** Every category in display order, with its English state and the English of each text. */
export const CATEGORY_LIST = graphql(`
  query CategoryList {
    categories(locale: KO) {
      slug
      name
      order
      concepts {
        slug
      }
      translation {
        state
        fields(all: true) {
          path
          translation
        }
      }
    }
  }
`);

/**
 * One category: its texts in both languages with each English's state (through
 * `translationStatus`, which also gives the version an edit must name) and its concepts.
 */
export const CATEGORY_DETAIL = graphql(`
  query CategoryDetail($slug: ID!) {
    category(slug: $slug, locale: KO) {
      slug
      order
      concepts {
        slug
        term
      }
    }
    translationStatus(type: CATEGORY, id: $slug) {
      version
      translation {
        state
        fields(all: true) {
          path
          state
          source
          translation
          sourceDiff {
            kind
            text
          }
        }
      }
    }
  }
`);

/**
 * Changes a category (admin), based on the version read. A Korean change that leaves English
 * outdated is refused unless `needsRetranslation: false` (a typo) or `allowUntranslated`.
 */
export const UPDATE_CATEGORY = graphql(`
  mutation UpdateCategory(
    $slug: ID!
    $patch: CategoryPatch!
    $version: Int!
    $needsRetranslation: Boolean
    $allowUntranslated: Boolean
  ) {
    updateCategory(
      slug: $slug
      patch: $patch
      expectedVersion: $version
      needsRetranslation: $needsRetranslation
      allowUntranslated: $allowUntranslated
    ) {
      slug
    }
  }
`);

/** Creates a category (admin; public at once, so without English only with the override). */
export const CREATE_CATEGORY = graphql(`
  mutation CreateCategory($input: CategoryInput!, $allowUntranslated: Boolean) {
    createCategory(input: $input, allowUntranslated: $allowUntranslated) {
      slug
    }
  }
`);

/** Every authored comparison: title, concepts, size and English state. */
export const COMPARISON_LIST = graphql(`
  query ComparisonList {
    comparisons(locale: KO) {
      slug
      title
      description
      concepts {
        slug
        term
      }
      rows {
        key
      }
      translation {
        state
      }
    }
  }
`);

/**
 * One authored comparison with every text in both languages and each English's state (its
 * translation fields: `title`, `description`, `rows.1.label`, `rows.1.cells.0.2`), and its
 * concepts' terms in Korean and in English for the column headings.
 */
export const COMPARISON_DETAIL = graphql(`
  query ComparisonDetail($slug: ID!) {
    comparison(slug: $slug, locale: KO) {
      slug
      concepts {
        slug
        term
      }
      rows {
        key
      }
      source {
        lesson {
          slug
          title
        }
      }
      translation {
        state
        current
        outdated
        missing
        fields(all: true) {
          path
          state
          source
          translation
        }
      }
    }
    english: comparison(slug: $slug, locale: EN) {
      concepts {
        term
      }
    }
  }
`);
