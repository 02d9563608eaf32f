import type { Block, ListItem, Span, TableCell } from '../../domain/block.js';
import type { Media } from '../../domain/media.js';
import { view } from '../context.js';
import type { ViewResolvers } from './fieldHelpers.js';

type Table = Extract<Block, { type: 'table' }>;

// Each block type fills only its own fields; the rest resolve to null.
const field =
  <K extends string>(key: K) =>
  ({ item }: { item: Block }) =>
    key in item ? (item as unknown as Record<K, unknown>)[key] : null;

/** Block fields: a flat object per block, whose `type` says which fields are set. */
export const blockResolvers = {
  type: ({ item }) => item.type,
  spans: ({ item, locale }) =>
    'spans' in item ? item.spans.map((span) => view(span, locale)) : null,
  level: field('level'),
  ordered: field('ordered'),
  start: field('start'),
  items: ({ item, locale }) =>
    item.type === 'list' ? item.items.map((listItem) => view(listItem, locale)) : null,
  table: ({ item, locale }) => (item.type === 'table' ? view(item, locale) : null),
  blocks: ({ item, locale }) =>
    item.type === 'quote' ? item.blocks.map((block) => view(block, locale)) : null,
  // An image block's alt text is already in the section's locale: serve it as such.
  image: ({ item, locale }) =>
    item.type === 'image'
      ? view<Media>(
          {
            type: 'image',
            path: item.src,
            alt: { ko: item.alt, [locale]: item.alt },
            available: item.available,
          },
          locale,
        )
      : null,
  language: field('language'),
  text: field('text'),
} satisfies ViewResolvers<Block>;

/** Span fields. */
export const spanResolvers = {
  text: ({ item }) => item.text,
  marks: ({ item }) => item.marks,
  concept: ({ item, locale }, _, ctx) => {
    const concept = item.concept ? ctx.index.concept(item.concept) : undefined;
    return concept ? view(concept, locale) : null;
  },
  href: ({ item }) => item.href ?? null,
} satisfies ViewResolvers<Span>;

/** List item fields. */
export const listItemResolvers = {
  spans: ({ item, locale }) => item.spans.map((span) => view(span, locale)),
  blocks: ({ item, locale }) => item.blocks.map((block) => view(block, locale)),
} satisfies ViewResolvers<ListItem>;

/** Table fields. */
export const tableResolvers = {
  align: ({ item }) => item.align,
  header: ({ item, locale }) => item.header.map((cell) => view(cell, locale)),
  rows: ({ item, locale }) => item.rows.map((cells) => view(cells, locale)),
} satisfies ViewResolvers<Table>;

/** Table row fields. */
export const tableRowResolvers = {
  cells: ({ item, locale }) => item.map((cell) => view(cell, locale)),
} satisfies ViewResolvers<TableCell[]>;

/** Table cell fields. */
export const tableCellResolvers = {
  spans: ({ item, locale }) => item.spans.map((span) => view(span, locale)),
} satisfies ViewResolvers<TableCell>;
