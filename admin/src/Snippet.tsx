// The API's search snippets are HTML-escaped text with the match in <mark>…</mark>. They are
// turned into elements here rather than injected as HTML, so no markup from content ever runs.
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** A search snippet with its matches marked. */
export function Snippet(props: { html: string }) {
  const parts = props.html.split(/<mark>|<\/mark>/);
  return (
    <p className="snippet">
      {parts.map((part, i) =>
        i % 2 === 1 ? <mark key={i}>{unescape(part)}</mark> : unescape(part),
      )}
    </p>
  );
}
