// Markdown an author may not write: links the API could not honour or a client must not load.
import { lessonSourceSchema } from '../../src/domain/lesson.js';
import { ValidationError } from '../../src/errors.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';

const build = (ko: string) =>
  buildLesson(lessonSourceSchema.parse({ slug: 'l', title: { ko: '제목' }, markdown: { ko } }));

describe('lesson markdown safety', () => {
  it.each([
    ['an empty concept link', '## 가 {#a}\n\n[x](concept:)\n', /concept link "concept:" must name/],
    [
      'a malformed concept link',
      '## 가 {#a}\n\n[x](concept:Not_A_Slug)\n',
      /must name a kebab-case concept slug/,
    ],
    [
      'a link in a section heading',
      '## [트랜스포머](concept:transformer) {#a}\n\n본문\n',
      /links are not allowed in section headings/,
    ],
    [
      'a link in the title heading',
      '# [제목](https://example.com)\n\n## 가 {#a}\n',
      /links are not allowed in section headings/,
    ],
    [
      'a javascript: image',
      '## 가 {#a}\n\n![x](javascript:alert(1))\n',
      /must be an http\(s\) URL or a relative path/,
    ],
    [
      'a data: image',
      '## 가 {#a}\n\n![x](data:image/png;base64,AAAA)\n',
      /must be an http\(s\) URL/,
    ],
  ])('refuses %s', (_name, markdown, message) => {
    let error: unknown;
    try {
      build(markdown);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.message).toMatch(message);
  });

  it('keeps relative and https images, flagging only https as fetchable', () => {
    const lesson = build(
      '## 가 {#a}\n\n![a](../resources/a.png)\n\n![b](https://example.com/b.png)\n',
    );
    expect(lesson.sections[0]!.body.ko.blocks).toEqual([
      { type: 'image', src: '../resources/a.png', alt: 'a', title: null, available: false },
      { type: 'image', src: 'https://example.com/b.png', alt: 'b', title: null, available: true },
    ]);
  });
});
