import type { WordTable } from './table.js';

/** The history tab's texts. */
export const HISTORY_WORDS = {
  'tab.history': { ko: '버전 기록', en: 'History' },
  'history.title': { ko: '버전 기록', en: 'Version history' },
  'history.adminOnly': {
    ko: '버전 기록은 관리자만 볼 수 있습니다 (API의 READ_HISTORY 권한). 이전 버전으로 되돌려야 하면 관리자에게 요청하세요.',
    en: 'Only admins may read the version history (the API’s READ_HISTORY permission). Ask an admin to restore an earlier version.',
  },
  'history.empty': { ko: '기록된 버전이 없습니다.', en: 'No versions are recorded.' },
  'history.versions': { ko: '버전 (최신순)', en: 'Versions (newest first)' },
  'history.current': { ko: '현재', en: 'current' },
  'history.compare': { ko: '두 버전 비교', en: 'Compare two versions' },
  'history.from': { ko: '이전 버전 (기준)', en: 'Earlier version (from)' },
  'history.to': { ko: '이후 버전 (비교 대상)', en: 'Later version (to)' },
  'history.compareWithPrevious': { ko: '이전 버전과 비교', en: 'Compare with the one before' },
  'history.same': {
    ko: '두 버전의 내용이 같습니다.',
    en: 'The two versions have the same content.',
  },
  'history.before': { ko: '이전:', en: 'Before:' },
  'history.after': { ko: '이후:', en: 'After:' },
  'history.none': { ko: '(없음)', en: '(none)' },
  'history.ko': { ko: '한국어', en: 'Korean' },
  'history.en': { ko: '영어', en: 'English' },
  'history.created': { ko: '만듦', en: 'Created' },
  'history.deleted': { ko: '삭제됨', en: 'Deleted' },
  'history.published': { ko: '게시함', en: 'Published' },
  'history.unpublished': { ko: '게시 취소함', en: 'Unpublished' },
  'history.edited': { ko: '편집함', en: 'Edited' },
  'history.unchanged': {
    ko: '내용 변경 없음 (번역 상태만 바뀜)',
    en: 'No content change (translation state only)',
  },
  'history.unknown': {
    ko: '변경 내용을 알 수 없음 (이전 버전이 목록에 없음)',
    en: 'Change unknown (the version before is not listed)',
  },
  'history.unknownAuthor': { ko: '작성자 기록 없음', en: 'author not recorded' },
  'history.event.KEPT_CURRENT': {
    ko: '재번역 필요 없음으로 표시 (영어 최신 유지)',
    en: 'Marked as needing no retranslation (English kept current)',
  },
  'history.event.CONFIRMED': {
    ko: '번역자가 영어를 확인함',
    en: 'A translator confirmed the English',
  },
  'history.event.PUBLISHED_OUTDATED': {
    ko: '영어가 최신이 아닌 채로 게시 (관리자 예외)',
    en: 'Published with English not current (admin override)',
  },
  'history.field.aliases': { ko: '별칭', en: 'Aliases' },
  'history.field.details': { ko: '세부 항목', en: 'Details' },
  'history.field.examples': { ko: '예시', en: 'Examples' },
  'history.field.analogies': { ko: '비유', en: 'Analogies' },
  'history.field.limitations': { ko: '한계', en: 'Limitations' },
  'history.field.media': { ko: '이미지', en: 'Media' },
  'history.field.sources': { ko: '출처', en: 'Sources' },
  'history.restore': { ko: '이 버전으로 되돌리기', en: 'Restore this version' },
  'history.confirmRestore': {
    ko: '이 버전의 내용을 새 버전으로 저장할까요? 게시 상태는 그대로이고, 기록은 지워지지 않습니다.',
    en: 'Save this version’s content as a new version? The publication status stays as it is; no history is erased.',
  },
  'history.restoreYes': { ko: '되돌리기 확인', en: 'Yes, restore' },
  'history.allowUntranslated': {
    ko: '영어가 최신이 아니게 되어도 게시 유지 (관리자 예외, 버전 기록에 남습니다)',
    en: 'Keep it published even if English becomes outdated (an admin override, recorded)',
  },
  'history.restored': { ko: '되돌렸습니다', en: 'Restored' },
  'history.refused': {
    ko: 'API가 되돌리기를 거절했습니다:',
    en: 'The API refused to restore it:',
  },
  'history.conflict': {
    ko: '그 사이 다른 사람이 이 개념을 저장했습니다. 기록을 다시 불러온 뒤 시도하세요:',
    en: 'Someone saved this concept in the meantime. Reload the history, then try again:',
  },
} satisfies WordTable;
