import { useState } from 'react';
import { ApiError, request } from '../api.js';
import { useWords } from '../language.js';
import { Refusal } from '../relations/Refusal.js';
import { useSession } from '../session.js';
import { RESTORE_CONCEPT } from './historyOperations.js';

/**
 * Restores a version's content as a new version, after asking. The API treats it as an edit
 * (editors: drafts; admins: published concepts too), so the button is offered only to a role
 * that may edit the concept as it is now. A published concept stays published: English the
 * restore leaves outdated needs an admin's recorded override, offered as a checkbox.
 */
export function RestoreVersion(props: {
  slug: string;
  version: number;
  current: { version: number; status: string };
  onRestored: (message: string) => Promise<void>;
}) {
  const { token, can } = useSession();
  const w = useWords();
  const [asking, setAsking] = useState(false);
  const [override, setOverride] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const published = props.current.status === 'PUBLISHED';
  if (!can(published ? 'EDIT_PUBLISHED' : 'EDIT_DRAFT')) return null;
  const name = `${w('history.restore')}: ${w('version')} ${props.version}`;

  async function restore() {
    setRefusal(null);
    try {
      const { restoreConcept } = await request(token, RESTORE_CONCEPT, {
        slug: props.slug,
        version: props.version,
        expectedVersion: props.current.version,
        allowUntranslated: override || null,
      });
      setAsking(false);
      await props.onRestored(
        `${w('history.restored')}: ${w('version')} ${props.version} → ${w('version')} ${restoreConcept.version}`,
      );
    } catch (error) {
      setRefusal(error instanceof ApiError ? error : new ApiError(String(error), 'SERVER'));
    }
  }

  if (!asking) {
    return (
      <button type="button" className="secondary" aria-label={name} onClick={() => setAsking(true)}>
        {w('history.restore')}
      </button>
    );
  }
  return (
    <div className="restore" role="group" aria-label={name}>
      <p>{w('history.confirmRestore')}</p>
      {published && can('PUBLISH') && (
        <label className="check">
          <input
            type="checkbox"
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
          />
          {w('history.allowUntranslated')}
        </label>
      )}
      <div className="actions">
        <button type="button" onClick={() => void restore()}>
          {w('history.restoreYes')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {w('relations.removeNo')}
        </button>
      </div>
      {refusal && (
        <Refusal
          lead={w(refusal.code === 'CONFLICT' ? 'history.conflict' : 'history.refused')}
          error={refusal}
        />
      )}
    </div>
  );
}
