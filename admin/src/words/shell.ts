import type { WordTable } from './table.js';

/** The shell's texts: title, sign-in, roles, permissions, navigation and errors. */
export const SHELL_WORDS = {
  title: { ko: 'LLM 강의 콘텐츠 콘솔', en: 'LLM course content console' },
  language: { ko: 'English', en: '한국어' },
  languageLabel: { ko: 'Switch to English', en: '한국어로 보기' },
  tokenLabel: { ko: 'API 토큰', en: 'API token' },
  tokenHelp: {
    ko: '편집자 또는 관리자 토큰을 붙여 넣으세요. 이 탭에만 보관되며 닫으면 사라집니다.',
    en: 'Paste an editor or admin token. It is kept in this tab only and gone when you close it.',
  },
  signIn: { ko: '로그인', en: 'Sign in' },
  signingIn: { ko: '확인 중…', en: 'Checking…' },
  signOut: { ko: '로그아웃', en: 'Sign out' },
  signedInAs: { ko: '로그인 역할', en: 'Signed in as' },
  permissions: { ko: '할 수 있는 일', en: 'What you may do' },
  navigation: { ko: '콘솔 메뉴', en: 'Console menu' },
  screenFailed: {
    ko: '이 화면을 불러오지 못했습니다. 네트워크를 확인하거나 콘솔이 새로 배포되었다면 새로고침하세요.',
    en: 'This screen could not be loaded. Check your network, or reload if the console was just redeployed.',
  },
  reload: { ko: '새로고침', en: 'Reload' },
  notFound: { ko: '이 주소에는 화면이 없습니다.', en: 'There is no screen at this address.' },
  'role.ANONYMOUS': { ko: '익명', en: 'anonymous' },
  'role.EDITOR': { ko: '편집자', en: 'editor' },
  'role.ADMIN': { ko: '관리자', en: 'admin' },
  'permission.CREATE_DRAFT': { ko: '초안 만들기', en: 'Create drafts' },
  'permission.EDIT_DRAFT': { ko: '초안 편집', en: 'Edit drafts' },
  'permission.ADD_RELATION': { ko: '관계 추가', en: 'Add relations' },
  'permission.EDIT_PUBLISHED': { ko: '게시된 콘텐츠 편집', en: 'Edit published content' },
  'permission.PUBLISH': { ko: '게시 및 게시 취소', en: 'Publish and unpublish' },
  'permission.DELETE': { ko: '삭제', en: 'Delete' },
  'permission.REMOVE_RELATION': { ko: '관계 삭제', en: 'Remove relations' },
  'permission.MANAGE_CATEGORIES': { ko: '카테고리 관리', en: 'Manage categories' },
  'permission.IMPORT': { ko: '콘텐츠 가져오기', en: 'Import content' },
  'permission.READ_HISTORY': { ko: '버전 기록 보기', en: 'Read version history' },
  'permission.TRANSLATE': { ko: '번역 작업', en: 'Work on translations' },
  'permission.READ_EVENTS': { ko: '변경 이벤트 읽기', en: 'Read change events' },
  'permission.MANAGE_WEBHOOKS': { ko: '웹훅 관리', en: 'Manage webhooks' },
  'error.UNAUTHENTICATED': {
    ko: '토큰이 올바르지 않거나 만료되었습니다.',
    en: 'This token is wrong or has expired.',
  },
  'error.NETWORK': {
    ko: 'API에 연결할 수 없습니다. 네트워크를 확인하세요.',
    en: 'The API cannot be reached. Check your network.',
  },
  'error.SERVER': {
    ko: 'API가 오류를 반환했습니다. 잠시 후 다시 시도하세요.',
    en: 'The API answered with an error. Try again shortly.',
  },
  'error.ANONYMOUS': { ko: '이 토큰으로는 편집할 수 없습니다.', en: 'This token cannot edit.' },
} satisfies WordTable;
