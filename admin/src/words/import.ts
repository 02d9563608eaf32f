import type { WordTable } from './table.js';

/** The import screen's texts. */
export const IMPORT_WORDS = {
  'import.nav': { ko: '가져오기', en: 'Import' },
  'import.title': { ko: '콘텐츠 가져오기', en: 'Import content' },
  'import.intro': {
    ko: '시드 디렉터리(seed/와 같은 구성) 또는 그 ZIP 파일을 고르세요. 먼저 무엇이 바뀌는지 보여 드리고, 적용은 확인한 뒤에만 합니다.',
    en: 'Choose a seed directory (laid out like seed/) or a ZIP of one. You first see what would change; nothing is written until you apply.',
  },
  'import.adminOnly': {
    ko: '콘텐츠 가져오기는 관리자만 할 수 있습니다.',
    en: 'Only an admin may import content.',
  },
  'import.directory': { ko: '시드 디렉터리 선택', en: 'Choose a seed directory' },
  'import.archive': { ko: 'ZIP 파일 선택', en: 'Choose a ZIP archive' },
  'import.prune': {
    ko: '파일에 없는 문서는 삭제 (없으면 그대로 둡니다)',
    en: 'Delete documents the files do not have (otherwise they are kept)',
  },
  'import.nothingChosen': {
    ko: '아직 고른 파일이 없습니다.',
    en: 'Nothing chosen yet.',
  },
  'import.reading': { ko: '파일을 읽는 중…', en: 'Reading the files…' },
  'import.checking': {
    ko: 'API가 파일을 검사하고 차이를 계산하는 중…',
    en: 'The API is checking the files and working out the diff…',
  },
  'import.applying': { ko: '적용하는 중…', en: 'Applying…' },
  'import.files': { ko: '읽은 파일', en: 'Files read' },
  'import.fileCount': { ko: '개 파일', en: ' files' },
  'import.skipped': { ko: '시드 파일이 아니라 건너뜀', en: 'skipped (not seed files)' },
  'import.dryRun': { ko: '적용하면 바뀌는 내용', en: 'What applying would change' },
  'import.atRevision': { ko: '기준 콘텐츠 리비전', en: 'Checked at content revision' },
  'import.noChanges': {
    ko: '바뀌는 것이 없습니다: 저장소가 이미 이 파일들과 같습니다.',
    en: 'Nothing would change: the store already matches these files.',
  },
  'import.invalid': {
    ko: '파일에 문제가 있어 아무것도 쓰지 않습니다. 고친 뒤 다시 고르세요.',
    en: 'The files have problems, so nothing will be written. Fix them and choose again.',
  },
  'import.line': { ko: '줄', en: 'line' },
  'import.collection': { ko: '문서 종류', en: 'Document type' },
  'import.created': { ko: '새로 만듦', en: 'Created' },
  'import.updated': { ko: '바뀜', en: 'Updated' },
  'import.deleted': { ko: '삭제', en: 'Deleted' },
  'import.unchanged': { ko: '그대로', en: 'Unchanged' },
  'import.kept': { ko: '파일에 없지만 유지', en: 'Not in the files, kept' },
  'import.conflicts': {
    ko: '충돌: 마지막 검사 이후 다른 사람이 바꾼 문서',
    en: 'Conflicts: documents someone changed since the last check',
  },
  'import.apply': { ko: '적용', en: 'Apply' },
  'import.conflict': {
    ko: '검사한 뒤에 콘텐츠가 바뀌어 적용하지 않았습니다. 아무것도 쓰지 않았습니다. 다시 검사해 새 차이를 확인하세요.',
    en: 'The content changed after the check, so nothing was applied or written. Check again to see the new diff.',
  },
  'import.checkAgain': { ko: '다시 검사', en: 'Check again' },
  'import.refused': { ko: 'API가 파일을 거절했습니다:', en: 'The API refused the files:' },
  'import.done': { ko: '적용했습니다', en: 'Applied' },
  'import.written': { ko: '쓴 문서', en: 'documents written' },
  'import.newRevision': { ko: '새 콘텐츠 리비전', en: 'new content revision' },
  'import.another': { ko: '다른 파일 가져오기', en: 'Import other files' },
  'import.retry': { ko: '다시 시도', en: 'Try again' },
  'import.tooLarge': {
    ko: '파일이 너무 큽니다 (가져오기는 4 MiB까지).',
    en: 'The files are too large (an import takes up to 4 MiB).',
  },
  'import.badArchive': {
    ko: '이 ZIP 파일을 읽을 수 없습니다.',
    en: 'This ZIP archive cannot be read.',
  },
  'import.noSeedFiles': {
    ko: '고른 곳에 .yaml 또는 .md 파일이 없습니다.',
    en: 'There is no .yaml or .md file in what you chose.',
  },
  'import.collection.categories': { ko: '카테고리', en: 'Categories' },
  'import.collection.concepts': { ko: '개념', en: 'Concepts' },
  'import.collection.relations': { ko: '관계', en: 'Relations' },
  'import.collection.comparisons': { ko: '비교', en: 'Comparisons' },
  'import.collection.lessons': { ko: '강의', en: 'Lessons' },
} satisfies WordTable;
