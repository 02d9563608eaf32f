import { z } from 'zod';
import type { LocalizedText } from './localized.js';

/** The kinds of typed relations between concepts. */
export const RELATION_KINDS = [
  'IS_A',
  'SUBSET_OF',
  'PART_OF',
  'BASED_ON',
  'SPECIALIZES',
  'PRECEDES',
  'CONTRASTS_WITH',
  'ENABLES',
  'ADDRESSES',
  'USES',
  'PROVIDED_BY',
  'RELATED_TO',
] as const;

/** A relation kind. */
export const relationKindSchema = z.enum(RELATION_KINDS);
/** A relation kind. */
export type RelationKind = z.infer<typeof relationKindSchema>;

/** How a relation kind reads and what it may connect. */
export interface RelationKindDefinition {
  /** Label read from `from` to `to` ("is a kind of"). */
  forward: LocalizedText;
  /** Label read from `to` back to `from` ("has kind"). */
  inverse: LocalizedText;
  /** A symmetric relation reads the same both ways and is stored once. */
  symmetric: boolean;
  /** A transitive relation chains (A precedes B precedes C ⇒ A precedes C). */
  transitive: boolean;
  /** Categories allowed at the `from` end; undefined means any. */
  fromCategories?: readonly string[];
  /** Categories allowed at the `to` end; undefined means any. */
  toCategories?: readonly string[];
}

/** Labels (both directions, both locales) and rules of every relation kind. */
export const RELATION_KIND_DEFINITIONS: Readonly<Record<RelationKind, RelationKindDefinition>> = {
  IS_A: {
    forward: { ko: '~의 한 종류이다', en: 'is a kind of' },
    inverse: { ko: '하위 종류로 ~이(가) 있다', en: 'has kind' },
    symmetric: false,
    transitive: true,
  },
  SUBSET_OF: {
    forward: { ko: '~의 하위 집합이다', en: 'is a subset of' },
    inverse: { ko: '하위 집합으로 ~을(를) 포함한다', en: 'has subset' },
    symmetric: false,
    transitive: true,
  },
  PART_OF: {
    forward: { ko: '~의 구성 요소이다', en: 'is part of' },
    inverse: { ko: '구성 요소로 ~을(를) 가진다', en: 'has part' },
    symmetric: false,
    transitive: true,
  },
  BASED_ON: {
    forward: { ko: '~에 기반한다', en: 'is based on' },
    inverse: { ko: '~의 기반이다', en: 'is the basis of' },
    symmetric: false,
    transitive: false,
  },
  SPECIALIZES: {
    forward: { ko: '~을(를) 전문화한 것이다', en: 'specializes' },
    inverse: { ko: '~(으)로 전문화된다', en: 'is specialized by' },
    symmetric: false,
    transitive: true,
  },
  PRECEDES: {
    forward: { ko: '~보다 앞선다', en: 'precedes' },
    inverse: { ko: '~의 뒤를 잇는다', en: 'follows' },
    symmetric: false,
    transitive: true,
  },
  CONTRASTS_WITH: {
    forward: { ko: '~와(과) 대비된다', en: 'contrasts with' },
    inverse: { ko: '~와(과) 대비된다', en: 'contrasts with' },
    symmetric: true,
    transitive: false,
  },
  ENABLES: {
    forward: { ko: '~을(를) 가능하게 한다', en: 'enables' },
    inverse: { ko: '~에 의해 가능해진다', en: 'is enabled by' },
    symmetric: false,
    transitive: false,
  },
  ADDRESSES: {
    forward: { ko: '~의 한계를 해결한다', en: 'addresses' },
    inverse: { ko: '~(으)로 해결된다', en: 'is addressed by' },
    symmetric: false,
    transitive: false,
  },
  USES: {
    forward: { ko: '~을(를) 활용한다', en: 'uses' },
    inverse: { ko: '~에서 활용된다', en: 'is used by' },
    symmetric: false,
    transitive: false,
  },
  PROVIDED_BY: {
    forward: { ko: '~에서 제공된다', en: 'is provided by' },
    inverse: { ko: '~을(를) 제공한다', en: 'provides' },
    symmetric: false,
    transitive: false,
    toCategories: ['google-cloud-tools'],
  },
  RELATED_TO: {
    forward: { ko: '~와(과) 관련된다', en: 'is related to' },
    inverse: { ko: '~와(과) 관련된다', en: 'is related to' },
    symmetric: true,
    transitive: false,
  },
};

/**
 * How a relation of `kind` reads from the end it is seen from: the kind's forward label from its
 * subject (`OUTGOING`), its inverse label from its object (`INCOMING`). REST and GraphQL both
 * label edges with this.
 */
export function edgeLabel(kind: RelationKind, direction: 'OUTGOING' | 'INCOMING'): LocalizedText {
  const definition = RELATION_KIND_DEFINITIONS[kind];
  return direction === 'OUTGOING' ? definition.forward : definition.inverse;
}
