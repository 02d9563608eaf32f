// The console's concept-link completion, its pure part: where the caret is in a concept link
// being typed, which concepts match, and what accepting one writes.
import {
  acceptCompletion,
  completionTrigger,
  matchingConcepts,
} from '../../admin/src/lessons/conceptCompletion.js';

const CONCEPTS = [
  { slug: 'encoder', term: '인코더', aliases: ['Encoder'] },
  { slug: 'decoder', term: '디코더', aliases: [] },
  { slug: 'transformer', term: '트랜스포머', aliases: ['Transformer model'] },
];

describe('completionTrigger', () => {
  it('fires right after `](concept:` and while a slug is typed after it', () => {
    const text = '앞 [인코더](concept:';
    expect(completionTrigger(text, text.length)).toEqual({ start: text.length, query: '' });
    const typed = `${text}enc`;
    expect(completionTrigger(typed, typed.length)).toEqual({ start: text.length, query: 'enc' });
  });

  it('does not fire elsewhere: other links, a closed link, another line, a selection', () => {
    const link = '[x](https://example.com';
    expect(completionTrigger(link, link.length)).toBeNull();
    const closed = '[x](concept:encoder) and';
    expect(completionTrigger(closed, closed.length)).toBeNull();
    const split = '[x](concept:\nenc';
    expect(completionTrigger(split, split.length)).toBeNull();
    const text = '[x](concept:enc';
    expect(completionTrigger(text, 12, text.length)).toBeNull();
    expect(completionTrigger('concept:enc', 11)).toBeNull();
  });

  it('reads only the caret’s line, wherever it is in the text', () => {
    const text = '# 제목\n\n[인코더](concept:de 다음\n';
    const caret = text.indexOf(' 다음');
    expect(completionTrigger(text, caret)).toEqual({ start: caret - 2, query: 'de' });
  });
});

describe('matchingConcepts', () => {
  it('matches slugs, Korean terms and aliases, slug prefixes first', () => {
    // `de`: a slug prefix (decoder), then within a slug (encoder) or an alias (Transformer model).
    expect(matchingConcepts(CONCEPTS, 'de').map((c) => c.slug)).toEqual([
      'decoder',
      'encoder',
      'transformer',
    ]);
    expect(matchingConcepts(CONCEPTS, '트랜').map((c) => c.slug)).toEqual(['transformer']);
    expect(matchingConcepts(CONCEPTS, 'MODEL').map((c) => c.slug)).toEqual(['transformer']);
    expect(matchingConcepts(CONCEPTS, '').map((c) => c.slug)).toEqual([
      'decoder',
      'encoder',
      'transformer',
    ]);
    expect(matchingConcepts(CONCEPTS, 'zzz')).toEqual([]);
    expect(matchingConcepts(CONCEPTS, '', 2)).toHaveLength(2);
  });
});

describe('acceptCompletion', () => {
  it('writes the slug and closes the link, the caret after it', () => {
    const text = '[인코더](concept:en 뒤';
    const caret = text.indexOf(' 뒤');
    const trigger = completionTrigger(text, caret)!;
    expect(acceptCompletion(text, caret, trigger, 'encoder')).toEqual({
      text: '[인코더](concept:encoder) 뒤',
      caret: '[인코더](concept:encoder)'.length,
    });
  });

  it('replaces a slug already written after the caret and keeps an existing `)`', () => {
    const text = '[x](concept:enxyz) 뒤';
    const caret = '[x](concept:en'.length;
    const trigger = completionTrigger(text, caret)!;
    expect(acceptCompletion(text, caret, trigger, 'encoder')).toEqual({
      text: '[x](concept:encoder) 뒤',
      caret: '[x](concept:encoder)'.length,
    });
  });
});
