// Taking concept links out of lesson markdown: the link goes, its text stays, other links stay,
// and the slug of a hidden concept is never left behind, checked against the real parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { unlinkConceptLinks } from '../../src/markdown/unlinkConceptLinks.js';
import { defaultSeedDir } from '../../src/paths.js';

const only =
  (...slugs: string[]) =>
  (slug: string) =>
    slugs.includes(slug);

describe('unlinkConceptLinks', () => {
  it.each([
    ['a plain link', '[트랜스포머](concept:transformer)는', '트랜스포머는'],
    ['a link with a title', 'See [it](concept:transformer "Transformer").', 'See it.'],
    ['formatting inside the text', '[**굵게** `code`](concept:transformer)', '**굵게** `code`'],
    ['escaped brackets in the text', '[a \\[b\\]](concept:transformer)', 'a \\[b\\]'],
    ['nested brackets in the text', '[a [b] c](concept:transformer)', 'a [b] c'],
    ['two links in a row', '[a](concept:transformer)[b](concept:transformer)', 'ab'],
    ['an autolink', 'x <concept:transformer> y', 'x  y'],
    ['a bare mention of the scheme', 'the concept:transformer link', 'the  link'],
  ])('takes out %s', (_name, markdown, expected) => {
    expect(unlinkConceptLinks(markdown, only('transformer'))).toBe(expected);
  });

  it('leaves links to visible concepts and other links alone', () => {
    const markdown =
      '[a](concept:encoder), [b](concept:transformer), [c](https://example.com/concept:transformer)';
    expect(unlinkConceptLinks(markdown, only('transformer'))).toBe(
      '[a](concept:encoder), b, [c](https://example.com/)',
    );
  });

  // The course's own lessons, with each concept they link hidden in turn: what the parser makes
  // of the result links that concept nowhere, and reads as the same text.
  it.each(['ko', 'en'])('unlinks each concept of the course lesson (%s) cleanly', (locale) => {
    const file = join(defaultSeedDir(), 'lessons', `introduction-to-llms.${locale}.md`);
    const markdown = readFileSync(file, 'utf8');
    const slugs = [...new Set(links(parseMarkdown(markdown)).map((link) => link.slug))];
    expect(slugs.length).toBeGreaterThan(10);
    for (const hidden of slugs) {
      const unlinked = unlinkConceptLinks(markdown, only(hidden));
      expect(unlinked).not.toContain(`concept:${hidden}`);
      const tree = parseMarkdown(unlinked);
      expect(links(tree).filter((link) => link.slug === hidden)).toEqual([]);
      expect(plainText(tree)).toBe(plainText(parseMarkdown(markdown)));
    }
  });
});

function links(node: Root | RootContent): { slug: string }[] {
  const own =
    node.type === 'link' && node.url.startsWith('concept:') ? [{ slug: node.url.slice(8) }] : [];
  const children = 'children' in node ? (node.children as RootContent[]).flatMap(links) : [];
  return [...own, ...children];
}

function plainText(node: Root | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(plainText).join('') : '';
}
