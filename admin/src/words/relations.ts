import type { WordTable } from './table.js';

/** The relations tab's texts. */
export const RELATION_WORDS = {
  'tab.relations': { ko: '관계', en: 'Relations' },
  'relations.title': { ko: '관계', en: 'Relations' },
  'relations.outgoing': { ko: '이 개념에서 다른 개념으로', en: 'From this concept' },
  'relations.incoming': { ko: '다른 개념에서 이 개념으로', en: 'To this concept' },
  'relations.noneOutgoing': {
    ko: '이 개념에서 나가는 관계가 없습니다.',
    en: 'This concept relates to no other yet.',
  },
  'relations.noneIncoming': {
    ko: '이 개념을 가리키는 관계가 없습니다.',
    en: 'No other concept relates to this one.',
  },
  'relations.noConcept': { ko: '이런 개념이 없습니다.', en: 'There is no such concept.' },
  'relations.add': { ko: '관계 추가', en: 'Add a relation' },
  'relations.target': { ko: '관계를 맺을 개념', en: 'Concept to relate to' },
  'relations.targetHelp': {
    ko: '이름으로 검색한 뒤 ↑↓ 키로 고르고 Enter로 선택합니다. Esc는 목록을 닫습니다.',
    en: 'Search by name, move with ↑↓, pick with Enter. Esc closes the list.',
  },
  'relations.found': { ko: '찾은 개념', en: 'Concepts found' },
  'relations.noTarget': {
    ko: '관계를 맺을 수 있는 개념을 찾지 못했습니다.',
    en: 'No concept found that this one may relate to.',
  },
  'relations.kind': { ko: '관계 종류', en: 'Kind of relation' },
  'relations.chooseKind': { ko: '관계 종류 선택', en: 'Choose a kind' },
  'relations.kindHelp': {
    ko: '두 개념의 카테고리에 허용되는 종류만 보입니다 (API의 규칙). 이 개념에서 읽습니다.',
    en: 'Only kinds the two concepts’ categories allow (the API’s rule), read from this concept.',
  },
  'relations.note': { ko: '메모 (선택)', en: 'Note (optional)' },
  'relations.addButton': { ko: '관계 추가', en: 'Add relation' },
  'relations.added': { ko: '관계를 추가했습니다', en: 'Relation added' },
  'relations.addRefused': {
    ko: 'API가 관계 추가를 거절했습니다:',
    en: 'The API refused to add the relation:',
  },
  'relations.duplicate': {
    ko: '이 관계는 이미 있습니다:',
    en: 'This relation already exists:',
  },
  'relations.editorPublished': {
    ko: '이 개념은 게시되어 있습니다. 편집자는 초안 개념과의 관계만 추가할 수 있습니다 (게시된 두 개념 사이의 관계는 즉시 공개되므로 관리자만 추가합니다).',
    en: 'This concept is published. Editors may relate it to drafts only (a relation between two published concepts is live at once, so only admins add those).',
  },
  'relations.remove': { ko: '삭제', en: 'Remove' },
  'relations.confirmRemove': { ko: '이 관계를 삭제할까요?', en: 'Remove this relation?' },
  'relations.removeYes': { ko: '삭제 확인', en: 'Yes, remove' },
  'relations.removeNo': { ko: '취소', en: 'Cancel' },
  'relations.removed': { ko: '관계를 삭제했습니다', en: 'Relation removed' },
  'relations.alreadyGone': {
    ko: '이미 없는 관계입니다',
    en: 'The relation was already gone',
  },
  'relations.removeRefused': {
    ko: 'API가 관계 삭제를 거절했습니다:',
    en: 'The API refused to remove the relation:',
  },
  'relations.readOnly': {
    ko: '이 토큰으로는 관계를 추가할 수 없습니다.',
    en: 'This token cannot add relations.',
  },
  'relations.adminRemoves': {
    ko: '관계 삭제는 관리자만 할 수 있습니다.',
    en: 'Only admins remove relations.',
  },
} satisfies WordTable;
