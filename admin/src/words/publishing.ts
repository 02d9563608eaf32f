import type { WordTable } from './table.js';

/** The publishing tab's texts. */
export const PUBLISHING_WORDS = {
  'tab.publish': { ko: '게시', en: 'Publishing' },
  'publish.title': { ko: '게시와 게시 취소', en: 'Publish and unpublish' },
  'publish.readers': { ko: '익명 독자에게 보이는 내용', en: 'What anonymous readers see' },
  'publish.afterPublishing': {
    ko: '게시하면 익명 독자에게 보일 내용',
    en: 'What anonymous readers will see once it is published',
  },
  'publish.nothing': {
    ko: '지금은 아무것도 보이지 않습니다: 초안은 독자에게 공개되지 않습니다.',
    en: 'Nothing yet: drafts are not shown to readers.',
  },
  'publish.ready': {
    ko: '모든 영어 번역이 최신입니다. 게시할 수 있습니다.',
    en: 'Every English text is current: it can be published.',
  },
  'publish.notReady': {
    ko: '게시하려면 다음 영어 번역이 최신이어야 합니다:',
    en: 'Publishing needs current English for:',
  },
  'publish.fixInEditor': { ko: '편집 탭에서 고치기', en: 'Fix them in the Edit tab' },
  'publish.allowUntranslated': {
    ko: '번역이 최신이 아니어도 게시 (관리자 예외, 버전 기록에 남습니다)',
    en: 'Publish even so (an admin override, recorded in the history)',
  },
  'publish.unpublish': { ko: '게시 취소', en: 'Unpublish' },
  'publish.unpublished': {
    ko: '게시를 취소했습니다. 이제 독자에게 보이지 않습니다.',
    en: 'Unpublished: readers no longer see it.',
  },
  'publish.refused': {
    ko: 'API가 게시를 거절했습니다. 이유:',
    en: 'The API refused to publish it, because:',
  },
  'publish.editorOnly': {
    ko: '게시와 게시 취소는 관리자만 할 수 있습니다.',
    en: 'Only admins publish and unpublish.',
  },
  'publish.fallback': {
    ko: '영어가 없어 한국어로 보입니다',
    en: 'no English: readers get the Korean',
  },
} satisfies WordTable;
