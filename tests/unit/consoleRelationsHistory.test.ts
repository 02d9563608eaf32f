// The console's pure helpers for the relations and history tabs: relation labels composed with
// a term and the Korean particle it takes, the kinds a pair of categories allows, and the diff
// of two stored versions (English that neither version has is never reported as changed).
import { composeLabel } from '../../admin/src/relations/composeLabel.js';
import { relationChoices } from '../../admin/src/relations/relationChoices.js';
import { diffVersions } from '../../admin/src/history/diffVersions.js';
import { changeKind } from '../../admin/src/history/changeKind.js';

describe('composeLabel', () => {
  it.each([
    ['~을(를) 전문화한 것이다', '디코더', '디코더를 전문화한 것이다'],
    ['~을(를) 활용한다', '신경망', '신경망을 활용한다'],
    ['하위 종류로 ~이(가) 있다', '트랜스포머', '하위 종류로 트랜스포머가 있다'],
    ['하위 종류로 ~이(가) 있다', '챗봇', '하위 종류로 챗봇이 있다'],
    ['~와(과) 대비된다', '미세 조정', '미세 조정과 대비된다'],
    ['~와(과) 대비된다', '딥러닝', '딥러닝과 대비된다'],
    ['~(으)로 해결된다', '모델 튜닝', '모델 튜닝으로 해결된다'],
    ['~(으)로 전문화된다', '지시 튜닝 모델', '지시 튜닝 모델로 전문화된다'],
    // A parenthesised abbreviation: the particle follows the word before it (모델 → 을).
    ['~을(를) 활용한다', '대규모 언어 모델(LLM)', '대규모 언어 모델(LLM)을 활용한다'],
    ['~의 한 종류이다', '트랜스포머', '트랜스포머의 한 종류이다'],
  ])('%s with %s', (label, term, expected) => {
    expect(composeLabel(label, term, 'ko')).toBe(expected);
  });

  it('puts the term after an English label', () => {
    expect(composeLabel('is a kind of', 'Transformer', 'en')).toBe('is a kind of Transformer');
  });
});

describe('relationChoices', () => {
  const kinds = [
    {
      kind: 'IS_A',
      label: 'is a kind of',
      inverseLabel: 'has kind',
      symmetric: false,
      fromCategories: null,
      toCategories: null,
    },
    {
      kind: 'RELATED_TO',
      label: 'is related to',
      inverseLabel: 'is related to',
      symmetric: true,
      fromCategories: null,
      toCategories: null,
    },
    {
      kind: 'PROVIDED_BY',
      label: 'is provided by',
      inverseLabel: 'provides',
      symmetric: false,
      fromCategories: null,
      toCategories: ['google-cloud-tools'],
    },
  ] as const;
  const values = (subject: string, target: string | null) =>
    relationChoices(kinds as never, subject, target).map((c) => c.value);

  it('offers both ways, a symmetric kind once, and only what the categories allow', () => {
    expect(values('fundamentals', 'fundamentals')).toEqual([
      'IS_A:OUTGOING',
      'IS_A:INCOMING',
      'RELATED_TO:OUTGOING',
    ]);
    expect(values('fundamentals', 'google-cloud-tools')).toContain('PROVIDED_BY:OUTGOING');
    expect(values('fundamentals', 'google-cloud-tools')).not.toContain('PROVIDED_BY:INCOMING');
    expect(values('google-cloud-tools', 'fundamentals')).toContain('PROVIDED_BY:INCOMING');
  });
});

describe('diffVersions', () => {
  const v2 = {
    slug: 'x',
    term: { ko: '용어', en: 'Term' },
    definition: { ko: '영어 없는 정의.' },
    aliases: ['A'],
    details: [{ title: { ko: '제목', en: 'Title' }, text: { ko: '본문' } }],
  };

  it('compares stored English: absent in both versions is no change', () => {
    const v3 = { ...v2, definition: { ko: '고친 정의.' } };
    expect(diffVersions(v2, v3)).toEqual([
      { path: 'definition', locale: 'ko', before: '영어 없는 정의.', after: '고친 정의.' },
    ]);
  });

  it('reports English added or removed, list items and plain lists', () => {
    const v3 = {
      ...v2,
      definition: { ko: '영어 없는 정의.', en: 'Now in English.' },
      aliases: ['A', 'B'],
      details: [],
    };
    expect(diffVersions(v2, v3)).toEqual([
      { path: 'definition', locale: 'en', before: undefined, after: 'Now in English.' },
      { path: 'aliases', locale: null, before: 'A', after: 'A, B' },
      { path: 'details.0.title', locale: 'ko', before: '제목', after: undefined },
      { path: 'details.0.title', locale: 'en', before: 'Title', after: undefined },
      { path: 'details.0.text', locale: 'ko', before: '본문', after: undefined },
    ]);
  });

  it('names the kind of change a version made', () => {
    const draft = { ...v2, status: 'DRAFT' };
    const live = { ...v2, status: 'PUBLISHED' };
    expect(changeKind({ version: 1, deleted: false, data: draft }, undefined)).toEqual({
      kind: 'created',
    });
    expect(
      changeKind(
        { version: 2, deleted: false, data: live },
        { version: 1, deleted: false, data: draft },
      ),
    ).toEqual({ kind: 'published' });
    expect(
      changeKind(
        { version: 3, deleted: false, data: { ...live, aliases: [] } },
        { version: 2, deleted: false, data: live },
      ),
    ).toEqual({ kind: 'edited', fields: ['aliases'] });
    expect(changeKind({ version: 9, deleted: false, data: live }, undefined)).toEqual({
      kind: 'unknown',
    });
  });
});
