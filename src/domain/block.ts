import { z } from 'zod';
import { slugSchema } from './ids.js';

/** Inline formatting a span can carry. */
export const markSchema = z.enum(['strong', 'emphasis', 'code', 'delete']);

/**
 * A run of inline text with its marks. `concept` links the span to a concept by slug
 * (authored in markdown as `[text](concept:slug)`); `href` is an external https link.
 */
export const spanSchema = z
  .object({
    text: z.string().max(20_000),
    marks: z.array(markSchema).max(4),
    concept: slugSchema.optional(),
    href: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .strict();

const spans = z.array(spanSchema).max(2000);

const paragraphBlock = z.object({ type: z.literal('paragraph'), spans }).strict();

const headingBlock = z
  .object({ type: z.literal('heading'), level: z.number().int().min(1).max(6), spans })
  .strict();

/** One item of a list: its first line as spans, then any nested blocks (sub-lists, quotes …). */
export const listItemSchema = z
  .object({
    spans,
    get blocks() {
      return z.array(blockSchema).max(500);
    },
  })
  .strict();

const listBlock = z
  .object({
    type: z.literal('list'),
    ordered: z.boolean(),
    start: z.number().int().nullable(),
    items: z.array(listItemSchema).max(500),
  })
  .strict();

/** A table cell: inline spans; a "\n" text span is a line break inside the cell. */
export const tableCellSchema = z.object({ spans }).strict();

const tableBlock = z
  .object({
    type: z.literal('table'),
    align: z.array(z.enum(['left', 'center', 'right']).nullable()),
    header: z.array(tableCellSchema).max(50),
    rows: z.array(z.array(tableCellSchema).max(50)).max(1000),
  })
  .strict();

const quoteBlock = z
  .object({
    type: z.literal('quote'),
    get blocks() {
      return z.array(blockSchema).max(500);
    },
  })
  .strict();

const imageBlock = z
  .object({
    type: z.literal('image'),
    src: z.string().min(1).max(2000),
    alt: z.string().max(500),
    title: z.string().max(500).nullable(),
    available: z.boolean(),
  })
  .strict();

const codeBlock = z
  .object({ type: z.literal('code'), language: z.string().max(40).nullable(), text: z.string() })
  .strict();

const thematicBreakBlock = z.object({ type: z.literal('thematicBreak') }).strict();

/** A structured block a client renders natively, without parsing markdown. */
export const blockSchema = z.discriminatedUnion('type', [
  paragraphBlock,
  headingBlock,
  listBlock,
  tableBlock,
  quoteBlock,
  imageBlock,
  codeBlock,
  thematicBreakBlock,
]);

/** Inline formatting. */
export type Mark = z.infer<typeof markSchema>;
/** An inline span. */
export type Span = z.infer<typeof spanSchema>;
/** A structured block. */
export type Block = z.infer<typeof blockSchema>;
/** An item of a list block. */
export type ListItem = z.infer<typeof listItemSchema>;
/** A table cell. */
export type TableCell = z.infer<typeof tableCellSchema>;
