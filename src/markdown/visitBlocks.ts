import type { Block, Span } from '../domain/block.js';

/** Callbacks for `visitBlocks`: every run of spans, and the leaf blocks that carry no spans. */
export interface BlockVisitor {
  spans(spans: readonly Span[]): void;
  image?(block: Extract<Block, { type: 'image' }>): void;
  code?(block: Extract<Block, { type: 'code' }>): void;
}

/** Walks blocks depth-first in reading order (list items, nested blocks, table cells). */
export function visitBlocks(blocks: readonly Block[], visitor: BlockVisitor): void {
  const walk = (block: Block): void => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        visitor.spans(block.spans);
        return;
      case 'list':
        for (const item of block.items) {
          visitor.spans(item.spans);
          item.blocks.forEach(walk);
        }
        return;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()]) visitor.spans(cell.spans);
        return;
      case 'quote':
        block.blocks.forEach(walk);
        return;
      case 'image':
        visitor.image?.(block);
        return;
      case 'code':
        visitor.code?.(block);
        return;
      case 'thematicBreak':
        return;
    }
  };
  blocks.forEach(walk);
}

/** Every concept slug linked from spans anywhere in these blocks, in reading order, once each. */
export function conceptsIn(blocks: readonly Block[]): string[] {
  const found = new Set<string>();
  visitBlocks(blocks, {
    spans: (spans) =>
      spans.forEach((span) => span.concept !== undefined && found.add(span.concept)),
  });
  return [...found];
}

/** Plain text of blocks (a line per span run; image alt text and code included). */
export function plainText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  visitBlocks(blocks, {
    spans: (spans) => parts.push(spans.map((span) => span.text).join('')),
    image: (image) => parts.push(image.alt),
    code: (code) => parts.push(code.text),
  });
  return parts.join('\n');
}
