import type { RelationKindRulesQuery } from '../gql/graphql.js';

type KindRule = RelationKindRulesQuery['relationKinds'][number];

/** One way to relate this concept to another: a kind, and which end this concept is. */
export interface RelationChoice {
  /** `IS_A:OUTGOING`: the select's value. */
  value: string;
  kind: KindRule['kind'];
  /** OUTGOING: this concept is `from`; INCOMING: it is `to`. */
  direction: 'OUTGOING' | 'INCOMING';
  /** How it reads from this concept (the forward label, or the inverse one when INCOMING). */
  label: string;
}

function fits(allowed: readonly string[] | null | undefined, category: string): boolean {
  return !allowed || allowed.includes(category);
}

/**
 * The relations this concept may have with a target, both ways, as the API's category rules
 * allow them (the rule addRelation enforces): a symmetric kind is offered once, reading the same
 * both ways. Without a target yet, every kind this concept's category fits at one end.
 */
export function relationChoices(
  kinds: readonly KindRule[],
  subjectCategory: string,
  targetCategory: string | null,
): RelationChoice[] {
  const choices: RelationChoice[] = [];
  for (const kind of kinds) {
    const target = (allowed: KindRule['toCategories']) =>
      targetCategory === null || fits(allowed, targetCategory);
    if (fits(kind.fromCategories, subjectCategory) && target(kind.toCategories)) {
      choices.push({
        value: `${kind.kind}:OUTGOING`,
        kind: kind.kind,
        direction: 'OUTGOING',
        label: kind.label,
      });
    }
    if (
      !kind.symmetric &&
      fits(kind.toCategories, subjectCategory) &&
      target(kind.fromCategories)
    ) {
      choices.push({
        value: `${kind.kind}:INCOMING`,
        kind: kind.kind,
        direction: 'INCOMING',
        label: kind.inverseLabel,
      });
    }
  }
  return choices;
}
