import type { ReactNode } from 'react';
import type { BlockType, SpanFieldsFragment, TableFieldsFragment } from '../gql/graphql.js';
import { useWords } from '../language.js';

/** A block as the preview query returns it: its own fields, and list items or quoted blocks. */
export interface BlockData {
  type: BlockType;
  level?: number | null;
  ordered?: boolean | null;
  start?: number | null;
  language?: string | null;
  text?: string | null;
  spans?: SpanFieldsFragment[] | null;
  table?: TableFieldsFragment | null;
  image?: { path: string; alt: string } | null;
  items?: { spans: SpanFieldsFragment[]; blocks?: BlockData[] | null }[] | null;
  blocks?: BlockData[] | null;
}

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';

/** A heading tag one below the section's own (the page's lesson title is the h2). */
export function headingTag(level: number): HeadingTag {
  return `h${Math.min(Math.max(level + 1, 3), 6)}` as HeadingTag;
}

/**
 * One structured block of the API rendered as React elements (never as injected HTML): the
 * same tree a reader's app would render natively.
 */
export function BlockView(props: { block: BlockData }) {
  const { block } = props;
  switch (block.type) {
    case 'PARAGRAPH':
      return (
        <p>
          <Spans spans={block.spans} />
        </p>
      );
    case 'HEADING': {
      const Tag = headingTag(block.level ?? 4);
      return (
        <Tag>
          <Spans spans={block.spans} />
        </Tag>
      );
    }
    case 'LIST': {
      const items = (block.items ?? []).map((item, i) => (
        <li key={i}>
          <Spans spans={item.spans} />
          {item.blocks?.map((child, j) => (
            <BlockView key={j} block={child} />
          ))}
        </li>
      ));
      return block.ordered ? <ol start={block.start ?? 1}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'QUOTE':
      return (
        <blockquote>
          {block.blocks?.map((child, i) => (
            <BlockView key={i} block={child} />
          ))}
        </blockquote>
      );
    case 'TABLE':
      return <TableView table={block.table} />;
    case 'CODE':
      return (
        <pre>
          <code data-language={block.language ?? undefined}>{block.text}</code>
        </pre>
      );
    case 'IMAGE':
      return <ImageView image={block.image} />;
    case 'THEMATIC_BREAK':
      return <hr />;
  }
}

function TableView(props: { table: BlockData['table'] }) {
  const table = props.table;
  if (!table) return null;
  const align = (column: number) =>
    (table.align[column] ?? undefined) as 'left' | 'center' | 'right' | undefined;
  return (
    <table>
      <thead>
        <tr>
          {table.header.map((cell, c) => (
            <th key={c} scope="col" style={{ textAlign: align(c) }}>
              <Spans spans={cell.spans} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.cells.map((cell, c) => (
              <td key={c} style={{ textAlign: align(c) }}>
                <Spans spans={cell.spans} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The lesson note's images were never shipped: the preview names the image instead of loading it.
function ImageView(props: { image: BlockData['image'] }) {
  const w = useWords();
  if (!props.image) return null;
  return (
    <figure>
      <figcaption>
        {w('lesson.image')}: {props.image.alt} <code>{props.image.path}</code>
      </figcaption>
    </figure>
  );
}

/** A run of spans: marks as nested elements, concept and web links as links, line breaks. */
export function Spans(props: { spans: SpanFieldsFragment[] | null | undefined }) {
  return (
    <>
      {props.spans?.map((span, i) => (
        <SpanView key={i} span={span} />
      ))}
    </>
  );
}

function SpanView(props: { span: SpanFieldsFragment }) {
  const { span } = props;
  const w = useWords();
  if (span.text === '\n') return <br />;
  let node: ReactNode = span.text;
  for (const mark of span.marks) {
    if (mark === 'STRONG') node = <strong>{node}</strong>;
    else if (mark === 'EMPHASIS') node = <em>{node}</em>;
    else if (mark === 'CODE') node = <code>{node}</code>;
    else if (mark === 'DELETE') node = <del>{node}</del>;
  }
  if (span.concept) {
    // Opens the concept in a new tab: following it here would leave unsaved edits.
    return (
      <a
        className="concept-link"
        href={`/admin/concepts/${span.concept.slug}`}
        target="_blank"
        rel="noreferrer"
        data-concept={span.concept.slug}
        title={`${w('lesson.conceptLink')}: ${span.concept.term}`}
      >
        {node}
      </a>
    );
  }
  // Only web and mail addresses become links (never a script URL).
  if (span.href && /^(https?:|mailto:)/i.test(span.href)) {
    return (
      <a href={span.href} target="_blank" rel="noreferrer">
        {node}
      </a>
    );
  }
  return <>{node}</>;
}
