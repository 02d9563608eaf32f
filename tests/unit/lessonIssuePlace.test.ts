// Where the lesson editor shows each issue the API reports for a save.
import { issuePlace } from '../../admin/src/lessons/issuePlace.js';

const at = (path: (string | number)[], saved: 'ko' | 'en' = 'ko') =>
  issuePlace({ path, message: 'x' }, saved);

describe('issuePlace', () => {
  it('puts a markdown issue at the locale it names, or at the markdown that was saved', () => {
    expect(at(['markdown', 'en'])).toEqual({ text: 'markdown.en' });
    expect(at(['markdown', 'sections', 2, 'link concept:ghost'], 'en')).toEqual({
      text: 'markdown.en',
    });
    expect(at(['sections', 0, 'link concept:ghost'])).toEqual({ text: 'markdown.ko' });
    expect(at([])).toEqual({ text: 'markdown.ko' });
  });

  it('puts an issue of the other locale sent with it (`otherMarkdown`) at that locale’s markdown', () => {
    expect(at(['otherMarkdown', 'en'])).toEqual({ text: 'markdown.en' });
    expect(at(['otherMarkdown', 'ko'], 'en')).toEqual({ text: 'markdown.ko' });
    expect(at(['otherMarkdown', 'sections', 1, 'link concept:ghost'])).toEqual({
      text: 'markdown.en',
    });
  });

  it('puts title and summary issues at their text', () => {
    expect(at(['title', 'en'])).toEqual({ text: 'title.en' });
    expect(at(['summary'], 'en')).toEqual({ text: 'summary.en' });
  });

  it('puts a section named by anchor (the translation guard’s) in the section list', () => {
    expect(at(['sections', 'llm-concept'])).toEqual({ section: 'sections.llm-concept' });
  });
});
