import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One frozen processor: remark-parse (CommonMark) + remark-gfm (tables, strikethrough, autolinks).
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses markdown (CommonMark + GFM) into an mdast tree with source positions. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
