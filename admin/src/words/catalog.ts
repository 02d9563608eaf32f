import type { WordTable } from './table.js';

/** The comparison and category screens' texts. */
export const CATALOG_WORDS = {
  'catalog.comparisons': { ko: '비교표', en: 'Comparisons' },
  'catalog.categories': { ko: '카테고리', en: 'Categories' },
  'catalog.newCategory': { ko: '새 카테고리', en: 'New category' },
  'catalog.noCategories': { ko: '카테고리가 없습니다.', en: 'No categories.' },
  'catalog.order': { ko: '표시 순서', en: 'Display order' },
  'catalog.conceptCount': { ko: '개념 수', en: 'Concepts' },
  'catalog.backToCategories': { ko: '카테고리 목록으로', en: 'Back to the categories' },
  'catalog.noSuchCategory': {
    ko: '이런 카테고리는 없습니다.',
    en: 'There is no such category.',
  },
  'catalog.noConcepts': { ko: '이 카테고리에는 개념이 없습니다.', en: 'No concepts in it.' },
  'catalog.adminsChange': {
    ko: '카테고리는 관리자만 만들고 바꿀 수 있습니다.',
    en: 'Only admins create and change categories.',
  },
  'catalog.editCategory': { ko: '카테고리 편집', en: 'Edit the category' },
  'catalog.nothingChanged': { ko: '바뀐 것이 없습니다.', en: 'Nothing changed.' },
  'catalog.conflict': {
    ko: '다른 사람이 먼저 저장했습니다. 최신 버전을 불러왔고 입력한 내용은 그대로 있습니다. 확인한 뒤 다시 저장하세요.',
    en: 'Someone else saved first. The latest version is loaded; what you typed is kept. Check it, then save again.',
  },
  'catalog.refused': { ko: 'API가 저장을 거절했습니다.', en: 'The API refused it.' },
  'catalog.refusedEnglish': {
    ko: '카테고리는 바로 공개되므로 한국어를 바꾸면 영어도 최신이어야 합니다. 영어도 고치거나, 오타 수정이라고 표시하거나, (관리자) 오래된 영어로 두기를 고르세요.',
    en: 'Categories are public at once, so changed Korean needs current English: update the English too, mark the change a typo, or (admin) keep the outdated English.',
  },
  'catalog.koreanChanged': {
    ko: '한국어가 바뀌었습니다. 영어는 어떻게 할까요?',
    en: 'The Korean changed. What about the English?',
  },
  'catalog.choice.retranslate': {
    ko: '영어도 이번에 고쳤습니다 (고치지 않았으면 API가 거절합니다)',
    en: 'I updated the English too (otherwise the API refuses)',
  },
  'catalog.choice.typo': {
    ko: '오타 수정일 뿐입니다: 지금 영어가 그대로 맞습니다',
    en: 'Only a typo: the present English stays right',
  },
  'catalog.choice.override': {
    ko: '영어가 오래된 채로 저장 (관리자 예외, 버전 기록에 남습니다)',
    en: 'Save with outdated English (an admin override, recorded)',
  },
  'catalog.create': { ko: '카테고리 만들기', en: 'Create the category' },
  'catalog.slugTaken': {
    ko: '이 슬러그의 카테고리가 이미 있습니다.',
    en: 'A category with this slug exists already.',
  },
  'catalog.needsEnglish': {
    ko: '카테고리는 바로 공개되므로 영어가 필요합니다. 영어를 채우세요.',
    en: 'Categories are public at once, so they need English: fill it in.',
  },
  'catalog.needsEnglishAdmin': {
    ko: '카테고리는 바로 공개되므로 영어가 필요합니다. 영어를 채우거나, 영어 없이 만들기(관리자 예외)를 고르세요.',
    en: 'Categories are public at once, so they need English: fill it in, or tick “create without English” (an admin override).',
  },
  'catalog.allowUntranslated': {
    ko: '영어 없이 만들기 (관리자 예외, 버전 기록에 남습니다)',
    en: 'Create without English (an admin override, recorded)',
  },
  'catalog.comparisonsReadOnly': {
    ko: '비교표는 여기서 읽기만 합니다: API에 비교표를 고치는 기능이 없습니다 (관리자는 콘텐츠 가져오기로 바꿉니다).',
    en: 'Comparisons are read-only here: the API has no mutation that edits one (admins change them by importing content).',
  },
  'catalog.translateInQueue': {
    ko: '영어 번역은 번역 대기열에서',
    en: 'Translate their English in the queue',
  },
  'catalog.noComparisons': { ko: '비교표가 없습니다.', en: 'No comparisons.' },
  'catalog.rowCount': { ko: '행', en: 'Rows' },
  'catalog.backToComparisons': { ko: '비교표 목록으로', en: 'Back to the comparisons' },
  'catalog.noSuchComparison': {
    ko: '이런 비교표는 없습니다.',
    en: 'There is no such comparison.',
  },
  'catalog.fromLesson': { ko: '출처 강의', en: 'From the lesson' },
  'catalog.table': {
    ko: '비교표 (각 칸: 한국어, 그 아래 영어)',
    en: 'The table (each cell: Korean, the English below)',
  },
} satisfies WordTable;
