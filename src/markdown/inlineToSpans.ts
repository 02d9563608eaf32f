import type { PhrasingContent } from 'mdast';
import type { Mark, Span } from '../domain/block.js';
import { slugSchema } from '../domain/ids.js';
import { MarkdownError } from './markdownError.js';

/** Link scheme that turns a markdown link into a concept link: `[LLM](concept:large-language-model)`. */
export const CONCEPT_LINK_SCHEME = 'concept:';

const LINE_BREAK_HTML = /^<br\s*\/?>$/i;
const EXTERNAL_LINK = /^https?:\/\//i;

interface SpanContext {
  marks: Mark[];
  concept?: string;
  href?: string;
}

/**
 * Flattens mdast inline nodes into spans. Marks nest (bold inside a concept link keeps both);
 * adjacent spans with identical formatting merge, so clients get the fewest spans.
 * Raw HTML other than `<br>` and inline images are refused: blocks must render natively.
 */
export function inlineToSpans(nodes: readonly PhrasingContent[]): Span[] {
  const spans: Span[] = [];
  for (const node of nodes) collect(node, { marks: [] }, spans);
  return trimSpans(mergeSpans(spans));
}

function collect(node: PhrasingContent, context: SpanContext, out: Span[]): void {
  switch (node.type) {
    case 'text':
      out.push(makeSpan(node.value, context));
      return;
    case 'inlineCode':
      out.push(makeSpan(node.value, withMark(context, 'code')));
      return;
    case 'break':
      out.push(makeSpan('\n', context));
      return;
    case 'strong':
    case 'emphasis':
    case 'delete': {
      const inner = withMark(context, node.type);
      for (const child of node.children) collect(child, inner, out);
      return;
    }
    case 'link': {
      const inner = linkContext(node.url, context, node.position?.start.line);
      for (const child of node.children) collect(child, inner, out);
      return;
    }
    case 'html':
      if (LINE_BREAK_HTML.test(node.value.trim())) {
        out.push(makeSpan('\n', context));
        return;
      }
      throw new MarkdownError(
        `raw HTML "${node.value}" is not allowed (only <br>)`,
        node.position?.start.line,
      );
    default:
      throw new MarkdownError(
        `inline ${node.type} is not supported here`,
        node.position?.start.line,
      );
  }
}

function linkContext(url: string, context: SpanContext, line: number | undefined): SpanContext {
  if (url.startsWith(CONCEPT_LINK_SCHEME)) {
    const slug = url.slice(CONCEPT_LINK_SCHEME.length);
    // Checked here, not only against the content later: an empty or malformed slug is never a link.
    if (!slugSchema.safeParse(slug).success) {
      throw new MarkdownError(`concept link "${url}" must name a kebab-case concept slug`, line);
    }
    return { ...context, concept: slug };
  }
  if (EXTERNAL_LINK.test(url)) return { ...context, href: url };
  throw new MarkdownError(`link target "${url}" must be concept:<slug> or an http(s) URL`, line);
}

function withMark(context: SpanContext, mark: Mark): SpanContext {
  return context.marks.includes(mark) ? context : { ...context, marks: [...context.marks, mark] };
}

function makeSpan(text: string, context: SpanContext): Span {
  const span: Span = { text, marks: [...context.marks].sort() };
  if (context.concept !== undefined) span.concept = context.concept;
  if (context.href !== undefined) span.href = context.href;
  return span;
}

function sameFormat(a: Span, b: Span): boolean {
  return (
    a.concept === b.concept &&
    a.href === b.href &&
    a.marks.length === b.marks.length &&
    a.marks.every((mark, i) => mark === b.marks[i])
  );
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && sameFormat(last, span)) last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}

// Markdown hard breaks ("two trailing spaces") at the very end of a paragraph carry no meaning.
function trimSpans(spans: Span[]): Span[] {
  const result = spans.map((span) => ({ ...span }));
  while (result.length > 0) {
    const last = result.at(-1)!;
    last.text = last.text.replace(/\s+$/u, '');
    if (last.text !== '') break;
    result.pop();
  }
  while (result.length > 0) {
    const first = result[0]!;
    first.text = first.text.replace(/^\s+/u, '');
    if (first.text !== '') break;
    result.shift();
  }
  return result;
}
