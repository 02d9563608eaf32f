import type { WordTable } from './table.js';

/** The lesson screens' texts: the list, the editor, the preview and concept-link completion. */
export const LESSON_WORDS = {
  lessons: { ko: '강의', en: 'Lessons' },
  'lessons.empty': { ko: '강의가 없습니다.', en: 'No lessons.' },
  'lessons.count': { ko: '강의 수', en: 'Lessons' },
  'lessons.number': { ko: '번호', en: 'No.' },
  'lessons.englishCounts': {
    ko: '영어: 최신 {current} · 오래됨 {outdated} · 없음 {missing}',
    en: 'English: {current} current · {outdated} outdated · {missing} missing',
  },
  'lesson.notFound': { ko: '이 강의는 없습니다.', en: 'There is no such lesson.' },
  'lesson.title': { ko: '제목', en: 'Title' },
  'lesson.summary': { ko: '요약', en: 'Summary' },
  'lesson.markdown': { ko: '본문 (마크다운)', en: 'Text (markdown)' },
  'lesson.markdownHelp': {
    ko: '개념 링크: [글자](concept: 까지 입력하면 개념을 고를 수 있습니다 (위·아래 화살표, Enter 또는 Tab으로 선택, Esc로 닫기). Ctrl+S로 저장.',
    en: 'Concept links: type [text](concept: to pick a concept (arrow keys, Enter or Tab to accept, Escape to close). Ctrl+S saves.',
  },
  'lesson.sections': { ko: '섹션별 영어 번역 상태', en: 'English, section by section' },
  'lesson.section': { ko: '섹션', en: 'Section' },
  'lesson.noEnglish': {
    ko: '영어 본문이 아직 없습니다.',
    en: 'There is no English text yet.',
  },
  'lesson.preview': { ko: '미리보기', en: 'Preview' },
  'lesson.previewOf': { ko: '미리볼 언어', en: 'Preview language' },
  'lesson.previewHelp': {
    ko: '입력을 멈추면 API가 저장할 때와 똑같이 해석한 결과를 보여 줍니다 (저장하지 않음).',
    en: 'When you stop typing, the API parses the text exactly as a save would (nothing is saved).',
  },
  'lesson.previewing': { ko: '미리보기를 만드는 중…', en: 'Updating the preview…' },
  'lesson.previewIssues': {
    ko: '이대로 저장하면 API가 거절할 이유:',
    en: 'A save of this text would be refused, because:',
  },
  'lesson.previewEmpty': { ko: '보여 줄 내용이 없습니다.', en: 'Nothing to show.' },
  'lesson.conceptLink': { ko: '개념', en: 'concept' },
  'lesson.image': { ko: '이미지', en: 'Image' },
  'lesson.saveRefused': {
    ko: 'API가 저장을 거절했습니다. 표시된 곳을 고치세요.',
    en: 'The API refused to save: see the marked places.',
  },
  'lesson.untranslatedRefused': {
    ko: '게시된 강의입니다. 이 한국어 수정으로 영어가 오래된 번역이 되므로 API가 저장을 거절했습니다. 영어도 함께 고치거나, 관리자라면 아래에서 번역이 오래된 채로 저장할 수 있습니다 (버전 기록에 남습니다).',
    en: 'This lesson is published, and this Korean edit would leave its English outdated, so the API refused it. Update the English too, or (admin) save anyway below: the override is recorded in the history.',
  },
  'lesson.allowUntranslated': {
    ko: '영어가 오래된 채로 저장 (관리자 예외, 기록됨)',
    en: 'Save with outdated English (an admin override, recorded)',
  },
  'lesson.saving': { ko: '저장하는 중…', en: 'Saving…' },
  'lesson.unsaved': { ko: '저장하지 않은 변경이 있습니다.', en: 'There are unsaved changes.' },
  'lesson.completions': { ko: '개념 제안', en: 'Concept suggestions' },
  'lesson.completionCount': {
    ko: '개념 {n}개 제안. 위·아래 화살표로 고르고 Enter로 넣으세요.',
    en: '{n} concepts suggested. Arrow keys to choose, Enter to insert.',
  },
  'lesson.publishRefused': {
    ko: 'API가 게시를 거절했습니다. 이유:',
    en: 'The API refused to publish it, because:',
  },
  'lesson.publishOverride': {
    ko: '영어가 최신이 아니어도 게시 (관리자 예외, 기록됨)',
    en: 'Publish even so (an admin override, recorded)',
  },
  'lesson.unpublish': { ko: '게시 취소', en: 'Unpublish' },
  'lesson.unpublished': {
    ko: '게시를 취소했습니다. 이제 독자에게 보이지 않습니다.',
    en: 'Unpublished: readers no longer see it.',
  },
  'lesson.adminOnly': {
    ko: '게시와 게시 취소는 관리자만 할 수 있습니다.',
    en: 'Only admins publish and unpublish.',
  },
  'lesson.publishedEditorOnly': {
    ko: '게시된 강의는 관리자만 고칠 수 있습니다.',
    en: 'Only admins edit a published lesson.',
  },
  'lesson.back': { ko: '강의 목록으로', en: 'Back to the lessons' },
} satisfies WordTable;
