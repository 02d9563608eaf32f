import type { UiLanguage } from './i18n.js';

// The concept screens' texts, per language.
const WORDS = {
  concepts: { ko: '개념', en: 'Concepts' },
  newConcept: { ko: '새 개념', en: 'New concept' },
  allStatuses: { ko: '모든 상태', en: 'All statuses' },
  status: { ko: '상태', en: 'Status' },
  DRAFT: { ko: '초안', en: 'Draft' },
  PUBLISHED: { ko: '게시됨', en: 'Published' },
  CURRENT: { ko: '번역 최신', en: 'English current' },
  OUTDATED: { ko: '번역 오래됨', en: 'English outdated' },
  MISSING: { ko: '번역 없음', en: 'English missing' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  empty: { ko: '개념이 없습니다.', en: 'No concepts.' },
  back: { ko: '목록으로', en: 'Back to the list' },
  korean: { ko: '한국어 (원문)', en: 'Korean (source)' },
  english: { ko: '영어 (번역)', en: 'English (translation)' },
  term: { ko: '용어', en: 'Term' },
  summary: { ko: '요약', en: 'Summary' },
  definition: { ko: '정의', en: 'Definition' },
  slug: { ko: '슬러그 (영문 소문자, 하이픈)', en: 'Slug (lower-case letters, hyphens)' },
  category: { ko: '카테고리', en: 'Category' },
  save: { ko: '저장', en: 'Save' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
  create: { ko: '초안 만들기', en: 'Create draft' },
  publish: { ko: '게시', en: 'Publish' },
  published: { ko: '게시했습니다.', en: 'Published.' },
  version: { ko: '버전', en: 'Version' },
  conflict: {
    ko: '다른 사람이 먼저 저장했습니다. 입력한 내용은 그대로 있습니다. 최신 버전을 불러온 뒤 다시 저장하세요.',
    en: 'Someone else saved first. What you typed is kept. Load the latest version, then save again.',
  },
  reloadLatest: { ko: '최신 버전 불러오기', en: 'Load the latest version' },
  koreanChange: {
    ko: '영어 번역 이후 바뀐 한국어 (삭제: 취소선, 추가: 밑줄)',
    en: 'How the Korean changed since the English was made (removed: struck, added: underlined)',
  },
} as const;

/** A word of the concept screens in the console's language. */
export function word(language: UiLanguage, key: keyof typeof WORDS): string {
  return WORDS[key][language];
}
