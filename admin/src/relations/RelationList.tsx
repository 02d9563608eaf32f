import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, request } from '../api.js';
import type { ConceptRelationsQuery } from '../gql/graphql.js';
import { useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { composeLabel } from './composeLabel.js';
import { REMOVE_RELATION } from './relationOperations.js';
import { Refusal } from './Refusal.js';

/** A relation as the concept's query lists it. */
export type Listed = NonNullable<ConceptRelationsQuery['concept']>['relations'][number];

/**
 * One direction of a concept's relations, each read from this concept with the other's term
 * ("디코더를 전문화한 것이다"), its note, and (admins) a remove button that asks first.
 */
export function RelationList(props: {
  slug: string;
  title: string;
  empty: string;
  relations: Listed[];
  onRemoved: (message: string) => Promise<void>;
  /** Called when a removal starts (an earlier success message no longer applies). */
  onStart: () => void;
}) {
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  async function remove(relation: Listed, reading: string) {
    setRefusal(null);
    props.onStart();
    // The list shows each relation from this concept; the API names it by its stored ends.
    const [from, to] =
      relation.direction === 'INCOMING'
        ? [relation.concept.slug, props.slug]
        : [props.slug, relation.concept.slug];
    try {
      const { removeRelation } = await request(token, REMOVE_RELATION, {
        from,
        kind: relation.kind,
        to,
      });
      setConfirming(null);
      await props.onRemoved(
        `${w(removeRelation ? 'relations.removed' : 'relations.alreadyGone')}: ${reading}`,
      );
    } catch (error) {
      setRefusal(error instanceof ApiError ? error : new ApiError(String(error), 'SERVER'));
    }
  }

  return (
    <div className="relation-list">
      <h3>{props.title}</h3>
      {props.relations.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul>
          {props.relations.map((relation) => {
            const reading = composeLabel(relation.label, relation.concept.term, language);
            return (
              <li key={`${relation.id}:${relation.direction}`} data-testid="relation">
                <span>{splitAround(reading, relation.concept.term, relation.concept.slug)}</span>
                {relation.concept.status === 'DRAFT' && (
                  <span className="tag"> · {w('DRAFT')}</span>
                )}
                {relation.note && <p className="note">{relation.note}</p>}
                {can('REMOVE_RELATION') &&
                  (confirming === relation.id ? (
                    <span className="actions" role="group" aria-label={reading}>
                      <span>{w('relations.confirmRemove')}</span>
                      <button type="button" onClick={() => void remove(relation, reading)}>
                        {w('relations.removeYes')}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setConfirming(null)}
                      >
                        {w('relations.removeNo')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${w('relations.remove')}: ${reading}`}
                      onClick={() => setConfirming(relation.id)}
                    >
                      {w('relations.remove')}
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      {refusal && <Refusal lead={w('relations.removeRefused')} error={refusal} />}
    </div>
  );
}

// The reading with the other concept's term as a link to its relations.
function splitAround(reading: string, term: string, slug: string) {
  const at = reading.indexOf(term);
  if (at < 0) return reading;
  return (
    <>
      {reading.slice(0, at)}
      <Link href={`~/concepts/${slug}/relations`}>{term}</Link>
      {reading.slice(at + term.length)}
    </>
  );
}
