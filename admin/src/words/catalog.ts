import type { WordTable } from './table.js';

/** The comparison and category screens' texts. */
export const CATALOG_WORDS = {
  'catalog.comparisons': { ko: '비교표', en: 'Comparisons' },
  'catalog.categories': { ko: '카테고리', en: 'Categories' },
} satisfies WordTable;
