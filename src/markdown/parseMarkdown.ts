import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkMarkdownBounds } from './markdownBounds.js';

// One frozen processor: remark-parse (CommonMark) + remark-gfm (tables, strikethrough, autolinks).
// markdownWorker.mjs builds the same one for parsing off the request thread.
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses markdown (CommonMark + GFM) into an mdast tree with source positions, on this thread:
 * for the seed tools. A server parses lesson edits with parseOffThread instead. Either way the
 * document is first held to MARKDOWN_BOUNDS (a MarkdownError when it breaks one).
 */
export function parseMarkdown(markdown: string): Root {
  checkMarkdownBounds(markdown);
  return processor.parse(markdown);
}
