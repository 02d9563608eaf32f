import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import type { Block } from '../domain/block.js';
import { inlineToSpans } from './inlineToSpans.js';
import { MarkdownError } from './markdownError.js';
import { parseMarkdown } from './parseMarkdown.js';
import { toBlocks } from './toBlocks.js';

function containsLink(node: PhrasingContent): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && node.children.some(containsLink);
}

/** Headings at these depths start a section; deeper headings become heading blocks. */
export const SECTION_HEADING_MAX_DEPTH = 3;

// `## Title {#anchor}`: the explicit, locale-independent anchor convention (Pandoc, kramdown).
const EXPLICIT_ANCHOR = /\s*\{#([^}\s]+)\}\s*$/;

/** One section of one locale's markdown, before anchors are reconciled across locales. */
export interface ParsedSection {
  /** Anchor written as `{#anchor}` at the end of the heading, if any. */
  explicitAnchor: string | null;
  level: number;
  title: string;
  blocks: Block[];
  /** The section's own markdown, heading included, exactly as written. */
  markdown: string;
}

/** A markdown document split into sections at its headings. */
export interface ParsedDocument {
  /** Text of a leading level-1 heading, which titles the document rather than opening a section. */
  title: string | null;
  sections: ParsedSection[];
}

/**
 * Splits lesson markdown into sections: each heading of depth ≤ 3 opens one, running to the
 * next such heading. A level-1 heading that comes first is the document title. `root` is the
 * markdown's tree when it was parsed already (off the request thread); else it is parsed here.
 */
export function splitSections(
  markdown: string,
  root: Root = parseMarkdown(markdown),
): ParsedDocument {
  const nodes = root.children;
  let title: string | null = null;
  let start = 0;
  const first = nodes[0];
  if (first?.type === 'heading' && first.depth === 1) {
    title = headingText(first).title;
    start = 1;
  }

  const sections: ParsedSection[] = [];
  let current: { heading: Heading; body: RootContent[] } | null = null;
  const close = (endOffset: number) => {
    if (!current) return;
    const { heading, body } = current;
    const { title: sectionTitle, anchor } = headingText(heading);
    sections.push({
      explicitAnchor: anchor,
      level: heading.depth,
      title: sectionTitle,
      blocks: toBlocks(body),
      markdown: markdown.slice(heading.position?.start.offset ?? 0, endOffset).trimEnd(),
    });
  };

  for (const node of nodes.slice(start)) {
    if (node.type === 'heading' && node.depth <= SECTION_HEADING_MAX_DEPTH) {
      close(node.position?.start.offset ?? markdown.length);
      current = { heading: node, body: [] };
    } else if (current) {
      current.body.push(node);
    } else if (!(node.type === 'html' && node.value.trim() === '')) {
      throw new MarkdownError(
        'content must start with a section heading (## …)',
        node.position?.start.line,
      );
    }
  }
  close(markdown.length);
  if (sections.length === 0) throw new MarkdownError('no section headings (## …) found', 1);
  return { title, sections };
}

function headingText(heading: Heading): { title: string; anchor: string | null } {
  // A heading is a plain title (sections carry no spans): a link there would silently vanish.
  if (heading.children.some(containsLink)) {
    throw new MarkdownError(
      'links are not allowed in section headings: link the concept in the text below',
      heading.position?.start.line,
    );
  }
  const children = [...heading.children];
  let anchor: string | null = null;
  const last = children.at(-1);
  if (last?.type === 'text') {
    const match = EXPLICIT_ANCHOR.exec(last.value);
    if (match) {
      anchor = match[1] ?? null;
      children[children.length - 1] = { ...last, value: last.value.slice(0, match.index) };
    }
  }
  const title = inlineToSpans(children)
    .map((span) => span.text)
    .join('')
    .trim();
  if (title === '') throw new MarkdownError('heading has no text', heading.position?.start.line);
  return { title, anchor };
}
