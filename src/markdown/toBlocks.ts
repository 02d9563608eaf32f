import type { List, ListItem as MdListItem, Paragraph, RootContent, Table } from 'mdast';
import type { Block, ListItem, TableCell } from '../domain/block.js';
import { inlineToSpans } from './inlineToSpans.js';
import { MarkdownError } from './markdownError.js';

// Only absolute https images can be fetched by a client; relative paths in a note are kept as
// references (path + alt text) but flagged unavailable. Any other scheme (javascript:, data: …)
// is refused: a client must never be handed one to load.
const FETCHABLE_IMAGE = /^https:\/\//i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Converts mdast block nodes into structured blocks that clients render without markdown. */
export function toBlocks(nodes: readonly RootContent[]): Block[] {
  return nodes.flatMap(toBlock);
}

function toBlock(node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return paragraphBlocks(node);
    case 'heading':
      return [{ type: 'heading', level: node.depth, spans: inlineToSpans(node.children) }];
    case 'list':
      return [listBlock(node)];
    case 'table':
      return [tableBlock(node)];
    case 'blockquote':
      return [{ type: 'quote', blocks: toBlocks(node.children) }];
    case 'code':
      return [{ type: 'code', language: node.lang ?? null, text: node.value }];
    case 'thematicBreak':
      return [{ type: 'thematicBreak' }];
    case 'html':
      // Whitespace-only HTML (stray tabs in a note) is noise; anything else is refused.
      if (node.value.trim() === '') return [];
      throw new MarkdownError(`raw HTML blocks are not allowed`, node.position?.start.line);
    default:
      throw new MarkdownError(`${node.type} is not supported`, node.position?.start.line);
  }
}

// A paragraph may hold images between text; each image becomes its own block, in order.
function paragraphBlocks(paragraph: Paragraph): Block[] {
  const blocks: Block[] = [];
  let run: Paragraph['children'] = [];
  const flush = () => {
    const spans = inlineToSpans(run);
    if (spans.length > 0) blocks.push({ type: 'paragraph', spans });
    run = [];
  };
  for (const child of paragraph.children) {
    if (child.type === 'image') {
      if (URL_SCHEME.test(child.url) && !/^https?:\/\//i.test(child.url)) {
        throw new MarkdownError(
          `image "${child.url}" must be an http(s) URL or a relative path`,
          child.position?.start.line,
        );
      }
      flush();
      blocks.push({
        type: 'image',
        src: child.url,
        alt: child.alt ?? '',
        title: child.title ?? null,
        available: FETCHABLE_IMAGE.test(child.url),
      });
    } else {
      run.push(child);
    }
  }
  flush();
  return blocks;
}

function listBlock(list: List): Block {
  return {
    type: 'list',
    ordered: list.ordered === true,
    start: list.ordered ? (list.start ?? 1) : null,
    items: list.children.map(listItem),
  };
}

// The item's first paragraph is its line of text; whatever follows (sub-lists …) nests below it.
function listItem(item: MdListItem): ListItem {
  const [first, ...rest] = item.children;
  if (first?.type === 'paragraph') {
    const leading = paragraphBlocks(first);
    const head = leading[0];
    if (head?.type === 'paragraph') {
      return { spans: head.spans, blocks: [...leading.slice(1), ...toBlocks(rest)] };
    }
    return { spans: [], blocks: [...leading, ...toBlocks(rest)] };
  }
  return { spans: [], blocks: toBlocks(item.children) };
}

function tableBlock(table: Table): Block {
  const [headerRow, ...bodyRows] = table.children;
  const toCells = (row: Table['children'][number]): TableCell[] =>
    row.children.map((cell) => ({ spans: inlineToSpans(cell.children) }));
  return {
    type: 'table',
    align: (table.align ?? []).map((align) => align ?? null),
    header: headerRow ? toCells(headerRow) : [],
    rows: bodyRows.map(toCells),
  };
}
