/** The console's own languages (the content has its own locales). */
export type UiLanguage = 'ko' | 'en';

const TEXT = {
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
  roles: {
    ko: { ANONYMOUS: '익명', EDITOR: '편집자', ADMIN: '관리자' },
    en: { ANONYMOUS: 'anonymous', EDITOR: 'editor', ADMIN: 'admin' },
  },
  permissionNames: {
    ko: {
      CREATE_DRAFT: '초안 만들기',
      EDIT_DRAFT: '초안 편집',
      ADD_RELATION: '관계 추가',
      EDIT_PUBLISHED: '게시된 콘텐츠 편집',
      PUBLISH: '게시 및 게시 취소',
      DELETE: '삭제',
      REMOVE_RELATION: '관계 삭제',
      MANAGE_CATEGORIES: '카테고리 관리',
      IMPORT: '콘텐츠 가져오기',
      READ_HISTORY: '버전 기록 보기',
      TRANSLATE: '번역 작업',
    },
    en: {
      CREATE_DRAFT: 'Create drafts',
      EDIT_DRAFT: 'Edit drafts',
      ADD_RELATION: 'Add relations',
      EDIT_PUBLISHED: 'Edit published content',
      PUBLISH: 'Publish and unpublish',
      DELETE: 'Delete',
      REMOVE_RELATION: 'Remove relations',
      MANAGE_CATEGORIES: 'Manage categories',
      IMPORT: 'Import content',
      READ_HISTORY: 'Read version history',
      TRANSLATE: 'Work on translations',
    },
  },
  errors: {
    ko: {
      UNAUTHENTICATED: '토큰이 올바르지 않거나 만료되었습니다.',
      NETWORK: 'API에 연결할 수 없습니다. 네트워크를 확인하세요.',
      SERVER: 'API가 오류를 반환했습니다. 잠시 후 다시 시도하세요.',
      ANONYMOUS: '이 토큰으로는 편집할 수 없습니다.',
    },
    en: {
      UNAUTHENTICATED: 'This token is wrong or has expired.',
      NETWORK: 'The API cannot be reached. Check your network.',
      SERVER: 'The API answered with an error. Try again shortly.',
      ANONYMOUS: 'This token cannot edit.',
    },
  },
} as const;

/** The console's texts in one language. */
export function texts(language: UiLanguage) {
  return {
    title: TEXT.title[language],
    language: TEXT.language[language],
    languageLabel: TEXT.languageLabel[language],
    tokenLabel: TEXT.tokenLabel[language],
    tokenHelp: TEXT.tokenHelp[language],
    signIn: TEXT.signIn[language],
    signingIn: TEXT.signingIn[language],
    signOut: TEXT.signOut[language],
    signedInAs: TEXT.signedInAs[language],
    permissions: TEXT.permissions[language],
    role: (role: keyof (typeof TEXT.roles)['en']) => TEXT.roles[language][role],
    permission: (permission: string) =>
      TEXT.permissionNames[language][permission as keyof (typeof TEXT.permissionNames)['en']] ??
      permission,
    error: (code: string) =>
      TEXT.errors[language][code as keyof (typeof TEXT.errors)['en']] ??
      TEXT.errors[language].SERVER,
  };
}
