import type { WordTable } from './table.js';

/** The concept editor's texts (fields, lists, saving, conflicts). */
export const CONCEPT_EDITOR_WORDS = {
  'editor.aliases': { ko: '별칭', en: 'Aliases' },
  'editor.aliasesHelp': {
    ko: '어느 언어로든: 약어나 다른 이름 (LLM, 대규모 언어 모델 …)',
    en: 'In any language: abbreviations and other names (LLM, 대규모 언어 모델 …)',
  },
  'editor.alias': { ko: '별칭', en: 'Alias' },
  'editor.details': { ko: '세부 항목', en: 'Details' },
  'editor.detail': { ko: '세부 항목', en: 'Detail' },
  'editor.title': { ko: '제목', en: 'Title' },
  'editor.text': { ko: '내용', en: 'Text' },
  'editor.origin': { ko: '출처', en: 'Origin' },
  'editor.origin.lesson': { ko: '강의 노트', en: 'Lesson note' },
  'editor.origin.editorial': { ko: '편집자 추가', en: 'Editorial addition' },
  'editor.examples': { ko: '예시', en: 'Examples' },
  'editor.example': { ko: '예시', en: 'Example' },
  'editor.limitations': { ko: '한계', en: 'Limitations' },
  'editor.limitation': { ko: '한계', en: 'Limitation' },
  'editor.analogies': { ko: '비유', en: 'Analogies' },
  'editor.analogy': { ko: '비유', en: 'Analogy' },
  'editor.domain': { ko: '비유 분야', en: 'Domain' },
  'editor.mapping': { ko: '대응 관계', en: 'Mapping' },
  'editor.pair': { ko: '대응', en: 'Pair' },
  'editor.source': { ko: '익숙한 것', en: 'Familiar thing' },
  'editor.target': { ko: '가리키는 개념', en: 'What it stands for' },
  'editor.pairConcept': {
    ko: '연결할 개념 슬러그 (선택)',
    en: 'Concept slug it links to (optional)',
  },
  'editor.caveats': { ko: '비유의 한계', en: 'Caveats' },
  'editor.caveat': { ko: '비유의 한계', en: 'Caveat' },
  'editor.media': { ko: '이미지', en: 'Images' },
  'editor.image': { ko: '이미지', en: 'Image' },
  'editor.path': { ko: '경로 또는 URL', en: 'Path or URL' },
  'editor.alt': { ko: '대체 텍스트', en: 'Alternative text' },
  'editor.available': { ko: '이미지 파일이 있음', en: 'The image file is available' },
  'editor.add': { ko: '추가', en: 'Add' },
  'editor.remove': { ko: '삭제', en: 'Remove' },
  'editor.none': { ko: '없음', en: 'None' },
  'editor.unsaved': { ko: '저장 전', en: 'Not saved' },
  'editor.shortcut': {
    ko: 'Ctrl+S (Mac: ⌘S)로도 저장할 수 있습니다.',
    en: 'Ctrl+S (Mac: ⌘S) saves too.',
  },
  'editor.saving': { ko: '저장 중…', en: 'Saving…' },
  'editor.unchanged': { ko: '바뀐 내용이 없습니다.', en: 'Nothing has changed.' },
  'editor.invalid': {
    ko: '저장하기 전에 표시된 항목을 고치세요.',
    en: 'Fix the marked fields before saving.',
  },
  'editor.refused': {
    ko: 'API가 저장을 거절했습니다. 표시된 항목을 확인하세요.',
    en: 'The API refused to save. See the marked fields.',
  },
  'editor.typoFix': {
    ko: '한국어 변경은 오타 수정입니다 (영어 번역을 최신으로 유지)',
    en: 'The Korean changes are typo fixes (keep the English current)',
  },
  'editor.keepPublished': {
    ko: '영어 번역이 오래되어도 게시 상태 유지 (관리자, 기록됨)',
    en: 'Keep it published although English falls behind (admin, recorded)',
  },
  'editor.readOnly': {
    ko: '게시된 개념은 관리자만 편집할 수 있습니다. 관리자에게 게시 취소를 요청하세요.',
    en: 'Only admins edit published concepts. Ask an admin to unpublish it first.',
  },
  'editor.notFound': {
    ko: '이 슬러그의 개념이 없습니다.',
    en: 'There is no concept with this slug.',
  },
  'editor.conflict': {
    ko: '다른 사람이 먼저 저장했습니다. 입력한 내용은 그대로 있습니다. 아래에서 바뀐 내용을 확인하고, 내 변경을 최신 버전에 다시 적용한 뒤 저장하세요.',
    en: 'Someone else saved first. What you typed is kept. See what they changed below, reapply your changes on the latest version, then save.',
  },
  'editor.theirChanges': { ko: '다른 사람이 바꾼 내용', en: 'What the other person changed' },
  'editor.versions': { ko: '버전', en: 'Version' },
  'editor.noTheirChanges': {
    ko: '편집할 수 있는 항목은 바뀌지 않았습니다.',
    en: 'No editable field changed.',
  },
  'editor.before': { ko: '이전', en: 'Before' },
  'editor.after': { ko: '이후', en: 'After' },
  'editor.reapply': {
    ko: '최신 버전에 내 변경 다시 적용',
    en: 'Reapply my changes on the latest version',
  },
  'editor.reapplied': {
    ko: '최신 버전 위에 내 변경을 다시 적용했습니다. 확인한 뒤 저장하세요.',
    en: 'Your changes are on the latest version now. Check them, then save.',
  },
  'editor.clashes': {
    ko: '둘 다 바꾼 항목 (내 내용을 유지했습니다)',
    en: 'Changed by both of you (yours kept)',
  },
  'editor.waitingIme': {
    ko: '입력이 끝나면 저장합니다…',
    en: 'Saving once the input is finished…',
  },
} satisfies WordTable;
