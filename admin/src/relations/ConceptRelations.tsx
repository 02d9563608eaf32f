import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../api.js';
import type { ConceptRelationsQuery, RelationKindRulesQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { AddRelation } from './AddRelation.js';
import { CONCEPT_RELATIONS, RELATION_KIND_RULES } from './relationOperations.js';
import { RelationList } from './RelationList.js';
import './relations.css';

type Loaded = {
  concept: NonNullable<ConceptRelationsQuery['concept']>;
  kinds: RelationKindRulesQuery['relationKinds'];
};

/**
 * A concept's relations both ways (from this concept, and to it from others), read in the
 * console's language with the other concept's term; adding one (who may: ADD_RELATION) and
 * removing one (REMOVE_RELATION, admins), as the API allows the signed-in role.
 */
export function ConceptRelations(props: { slug: string }) {
  const { slug } = props;
  const { token, can } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const locale = language === 'en' ? 'EN' : 'KO';
    const [{ concept }, { relationKinds }] = await Promise.all([
      request(token, CONCEPT_RELATIONS, { slug, locale }),
      request(token, RELATION_KIND_RULES, { locale }),
    ]);
    setMissing(!concept);
    setLoaded(concept ? { concept, kinds: relationKinds } : null);
  }, [slug, token, language]);

  useEffect(() => {
    setFailure(null);
    load().catch((error: unknown) => setFailure(error instanceof ApiError ? error.code : 'SERVER'));
  }, [load]);

  const changed = useCallback(
    async (message: string) => {
      setDone(message);
      await load().catch((error: unknown) =>
        setFailure(error instanceof ApiError ? error.code : 'SERVER'),
      );
    },
    [load],
  );

  if (failure)
    return (
      <p role="alert" className="error">
        {errorWord(language, failure)}
      </p>
    );
  if (missing) return <p role="alert">{w('relations.noConcept')}</p>;
  if (!loaded) return <p role="status">{w('loading')}</p>;

  const { concept, kinds } = loaded;
  const outgoing = concept.relations.filter((r) => r.direction === 'OUTGOING');
  const incoming = concept.relations.filter((r) => r.direction === 'INCOMING');
  return (
    <section aria-labelledby="relations-title" className="relations">
      <h2 id="relations-title">
        {w('relations.title')}: {concept.term}
      </h2>
      <p role="status" className="ok">
        {done ?? ''}
      </p>
      <RelationList
        slug={slug}
        title={w('relations.outgoing')}
        empty={w('relations.noneOutgoing')}
        relations={outgoing}
        onRemoved={changed}
        onStart={() => setDone(null)}
      />
      <RelationList
        slug={slug}
        title={w('relations.incoming')}
        empty={w('relations.noneIncoming')}
        relations={incoming}
        onRemoved={changed}
        onStart={() => setDone(null)}
      />
      {can('ADD_RELATION') ? (
        <AddRelation
          subject={concept}
          kinds={kinds}
          onAdded={changed}
          onStart={() => setDone(null)}
        />
      ) : (
        <p>{w('relations.readOnly')}</p>
      )}
      {!can('REMOVE_RELATION') && <p>{w('relations.adminRemoves')}</p>}
    </section>
  );
}
