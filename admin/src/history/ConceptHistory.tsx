import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError, request } from '../api.js';
import type { ConceptHistoryQuery } from '../gql/graphql.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { changeKind } from './changeKind.js';
import { diffVersions } from './diffVersions.js';
import { CONCEPT_HISTORY } from './historyOperations.js';
import { RestoreVersion } from './RestoreVersion.js';
import { VersionDiff } from './VersionDiff.js';
import { VersionEntry } from './VersionEntry.js';
import './history.css';

type Loaded = {
  concept: NonNullable<ConceptHistoryQuery['concept']>;
  versions: ConceptHistoryQuery['conceptHistory'];
};

/**
 * A concept's versions, newest first (who, when, what kind of change, translation events), a
 * field-by-field diff between any two of them, per locale, and restoring one as a new version.
 * The API lets only admins read the history (READ_HISTORY): others are told so, not shown controls.
 */
export function ConceptHistory(props: { slug: string }) {
  const { can } = useSession();
  const w = useWords();
  if (!can('READ_HISTORY')) {
    return (
      <section aria-labelledby="history-title" className="history">
        <h2 id="history-title">{w('history.title')}</h2>
        <p>{w('history.adminOnly')}</p>
      </section>
    );
  }
  return <HistoryOf slug={props.slug} />;
}

function HistoryOf(props: { slug: string }) {
  const { slug } = props;
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pair, setPair] = useState<{ before: number; after: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await request(token, CONCEPT_HISTORY, {
      slug,
      locale: language === 'en' ? 'EN' : 'KO',
    });
    setMissing(!answer.concept);
    if (!answer.concept) return;
    const versions = answer.conceptHistory;
    setLoaded({ concept: answer.concept, versions });
    // By default: the newest version against the one before it.
    setPair(
      versions.length > 0
        ? {
            after: versions[0]!.version,
            before: (versions[1] ?? versions[0]!).version,
          }
        : null,
    );
  }, [slug, token, language]);

  useEffect(() => {
    setFailure(null);
    load().catch((error: unknown) => setFailure(error instanceof ApiError ? error.code : 'SERVER'));
  }, [load]);

  if (failure)
    return (
      <p role="alert" className="error">
        {errorWord(language, failure)}
      </p>
    );
  if (missing) return <p role="alert">{w('relations.noConcept')}</p>;
  if (!loaded) return <p role="status">{w('loading')}</p>;

  const { concept, versions } = loaded;
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  const before = pair && byNumber.get(pair.before);
  const after = pair && byNumber.get(pair.after);

  async function restored(message: string) {
    setDone(message);
    await load().catch((error: unknown) =>
      setFailure(error instanceof ApiError ? error.code : 'SERVER'),
    );
  }

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">
        {w('history.title')}: {concept.term}
      </h2>
      <p role="status" className="ok">
        {done ?? ''}
      </p>
      {versions.length === 0 ? (
        <p>{w('history.empty')}</p>
      ) : (
        <>
          <fieldset className="compare">
            <legend>{w('history.compare')}</legend>
            {(['before', 'after'] as const).map((end) => (
              <div className="side" key={end}>
                <label htmlFor={`${id}-${end}`}>
                  {w(end === 'before' ? 'history.from' : 'history.to')}
                </label>
                <select
                  id={`${id}-${end}`}
                  value={pair?.[end] ?? ''}
                  onChange={(event) =>
                    setPair({
                      before: pair?.before ?? 0,
                      after: pair?.after ?? 0,
                      [end]: Number(event.target.value),
                    })
                  }
                >
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {w('version')} {v.version}
                      {v.deleted ? ` (${w('history.deleted')})` : ''}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          {before && after && (
            <VersionDiff
              before={before.version}
              after={after.version}
              changes={diffVersions(before.data, after.data)}
            />
          )}
          <h3>{w('history.versions')}</h3>
          <ol className="versions">
            {versions.map((version, index) => {
              const previous = versions[index + 1];
              const selected = pair?.after === version.version;
              return (
                <li key={version.version} aria-current={selected ? 'true' : undefined}>
                  <VersionEntry
                    version={version}
                    change={changeKind(version, previous)}
                    current={version.version === concept.version}
                  />
                  <div className="actions">
                    {previous && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`${w('history.compareWithPrevious')}: ${w('version')} ${version.version}`}
                        onClick={() =>
                          setPair({ before: previous.version, after: version.version })
                        }
                      >
                        {w('history.compareWithPrevious')}
                      </button>
                    )}
                    {!version.deleted && version.version !== concept.version && (
                      <RestoreVersion
                        slug={slug}
                        version={version.version}
                        current={concept}
                        onRestored={restored}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
