import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { ApiError, request, type Issue } from '../api.js';
import { errorWord, useLanguage, useWords } from '../language.js';
import { useSession } from '../session.js';
import { IMPORT_SEED_FILES } from './importOperations.js';
import { changeCount, ImportDiff, ImportIssues, type ImportAnswer } from './ImportDiff.js';
import {
  filesFromDirectory,
  filesFromZip,
  PickError,
  type PickedSeed,
} from './seedFilesFromPicks.js';
import './import.css';

// Where the screen is: each state says what the admin sees (never a blank screen).
type Phase =
  | { kind: 'empty' }
  | { kind: 'reading' }
  | { kind: 'checking' }
  | { kind: 'checked'; answer: ImportAnswer }
  | { kind: 'applying'; answer: ImportAnswer }
  | { kind: 'conflict'; answer: ImportAnswer }
  | { kind: 'refused'; issues: Issue[] }
  | { kind: 'failed'; message: string; retry: (() => void) | null }
  | { kind: 'done'; written: number; rev: number };

/**
 * Import (admin): a seed directory or a ZIP of one is read in the browser, the API checks it
 * and answers the diff (a dry run: nothing written), and Apply sends the same files naming the
 * revision that diff was made at, so content changed since is a conflict, not overwritten.
 */
export function ImportScreen() {
  const { can } = useSession();
  const w = useWords();
  return (
    <section aria-labelledby="import-title" className="import">
      <h2 id="import-title">{w('import.title')}</h2>
      {can('IMPORT') ? <Importer /> : <p role="alert">{w('import.adminOnly')}</p>}
    </section>
  );
}

function Importer() {
  const { token } = useSession();
  const language = useLanguage();
  const w = useWords();
  const [picked, setPicked] = useState<{ name: string; seed: PickedSeed } | null>(null);
  const [prune, setPrune] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const result = useRef<HTMLHeadingElement>(null);

  // A keyboard or screen-reader user lands on the outcome of what they asked for.
  useEffect(() => {
    if (['checked', 'conflict', 'done', 'refused'].includes(phase.kind)) result.current?.focus();
  }, [phase.kind]);

  const failure = (error: unknown): string => {
    const code = error instanceof ApiError ? error.code : 'SERVER';
    if (code === 'PAYLOAD_TOO_LARGE') return w('import.tooLarge');
    if (code === 'FORBIDDEN') return w('import.adminOnly');
    return errorWord(language, code);
  };

  async function check(seed: PickedSeed, withPrune: boolean, since?: number) {
    setPhase({ kind: 'checking' });
    try {
      const { importSeedFiles } = await request(token, IMPORT_SEED_FILES, {
        files: seed.files,
        dryRun: true,
        prune: withPrune,
        expectedRev: since ?? null,
      });
      setPhase({ kind: 'checked', answer: importSeedFiles });
    } catch (error) {
      refused(error, () => void check(seed, withPrune, since));
    }
  }

  async function apply(answer: ImportAnswer) {
    if (!picked) return;
    setPhase({ kind: 'applying', answer });
    try {
      const { importSeedFiles } = await request(token, IMPORT_SEED_FILES, {
        files: picked.seed.files,
        dryRun: false,
        prune,
        expectedRev: answer.rev,
      });
      setPhase({ kind: 'done', written: importSeedFiles.written, rev: importSeedFiles.rev });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setPhase({ kind: 'conflict', answer });
        return;
      }
      refused(error, () => void apply(answer));
    }
  }

  // The API's refusal of the files is theirs to fix (no retry); anything else may pass.
  function refused(error: unknown, retry: () => void) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
      setPhase({ kind: 'refused', issues: error.issues });
      return;
    }
    const transient =
      !(error instanceof ApiError) ||
      ['NETWORK', 'SERVER', 'UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(error.code);
    setPhase({ kind: 'failed', message: failure(error), retry: transient ? retry : null });
  }

  async function pick(
    event: ChangeEvent<HTMLInputElement>,
    read: (files: File[]) => Promise<PickedSeed>,
  ) {
    const chosen = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same files again (after fixing them) reads them again.
    event.target.value = '';
    if (chosen.length === 0) return;
    setPicked(null);
    setPhase({ kind: 'reading' });
    try {
      const seed = await read(chosen);
      if (seed.files.length === 0) {
        setPhase({ kind: 'failed', message: w('import.noSeedFiles'), retry: null });
        return;
      }
      const name =
        chosen.length === 1 && !chosen[0]!.webkitRelativePath
          ? chosen[0]!.name
          : (chosen[0]!.webkitRelativePath.split('/')[0] ?? '');
      setPicked({ name, seed });
      await check(seed, prune);
    } catch (error) {
      const message =
        error instanceof PickError ? w(`import.${error.reason}`) : w('import.badArchive');
      setPhase({ kind: 'failed', message, retry: null });
    }
  }

  const busy = ['reading', 'checking', 'applying'].includes(phase.kind);

  return (
    <>
      <p>{w('import.intro')}</p>
      <div className="pickers">
        <div className="side">
          <label htmlFor="import-directory">{w('import.directory')}</label>
          <input
            id="import-directory"
            type="file"
            multiple
            disabled={busy}
            {...{ webkitdirectory: '' }}
            onChange={(event) => void pick(event, filesFromDirectory)}
          />
        </div>
        <div className="side">
          <label htmlFor="import-archive">{w('import.archive')}</label>
          <input
            id="import-archive"
            type="file"
            accept=".zip,application/zip"
            disabled={busy}
            onChange={(event) => void pick(event, ([file]) => filesFromZip(file!))}
          />
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={prune}
          disabled={busy}
          onChange={(event) => {
            setPrune(event.target.checked);
            // The diff shown must be the one an apply makes: a new choice is checked again.
            if (picked && phase.kind !== 'done') void check(picked.seed, event.target.checked);
          }}
        />
        {w('import.prune')}
      </label>
      {picked && (
        <p data-testid="import-picked">
          {w('import.files')}: <code>{picked.name}</code> · {picked.seed.files.length}
          {w('import.fileCount')}
          {picked.seed.skipped > 0 && ` (${picked.seed.skipped} ${w('import.skipped')})`}
        </p>
      )}
      <Outcome
        phase={phase}
        headingRef={result}
        onApply={(answer) => void apply(answer)}
        onCheckAgain={(since) => picked && void check(picked.seed, prune, since)}
        onReset={() => {
          setPicked(null);
          setPhase({ kind: 'empty' });
        }}
      />
    </>
  );
}

function Outcome(props: {
  phase: Phase;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onApply: (answer: ImportAnswer) => void;
  onCheckAgain: (since: number) => void;
  onReset: () => void;
}) {
  const w = useWords();
  const { phase, headingRef } = props;
  switch (phase.kind) {
    case 'empty':
      return <p>{w('import.nothingChosen')}</p>;
    case 'reading':
      return <p role="status">{w('import.reading')}</p>;
    case 'checking':
      return <p role="status">{w('import.checking')}</p>;
    case 'failed':
      return (
        <div role="alert" className="refusal">
          <p className="error">{phase.message}</p>
          {phase.retry && (
            <button type="button" onClick={phase.retry}>
              {w('import.retry')}
            </button>
          )}
        </div>
      );
    case 'refused':
      return (
        <div role="alert" className="refusal">
          <h3 ref={headingRef} tabIndex={-1} className="error">
            {w('import.refused')}
          </h3>
          <ul className="issues">
            {phase.issues.map((issue, i) => (
              <li key={i}>
                {issue.path.length > 0 && <code>{issue.path.join(' · ')}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'done':
      return (
        <div className="done">
          <h3 ref={headingRef} tabIndex={-1} role="status" className="ok" data-testid="import-done">
            {w('import.done')}: {phase.written} {w('import.written')} · {w('import.newRevision')}{' '}
            {phase.rev}
          </h3>
          <button type="button" onClick={props.onReset}>
            {w('import.another')}
          </button>
        </div>
      );
    default:
      return (
        <DryRun
          phase={phase}
          headingRef={headingRef}
          onApply={props.onApply}
          onCheckAgain={props.onCheckAgain}
        />
      );
  }
}

function DryRun(props: {
  phase: Extract<Phase, { kind: 'checked' | 'applying' | 'conflict' }>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onApply: (answer: ImportAnswer) => void;
  onCheckAgain: (since: number) => void;
}) {
  const w = useWords();
  const { phase } = props;
  const { answer } = phase;
  const changes = changeCount(answer);
  return (
    <div className="dry-run">
      <h3 ref={props.headingRef} tabIndex={-1}>
        {w('import.dryRun')}
      </h3>
      <p>
        {w('import.atRevision')} {answer.rev}
      </p>
      {answer.issues.length > 0 ? (
        <div role="alert" className="refusal">
          <p className="error">{w('import.invalid')}</p>
          <ImportIssues issues={answer.issues} />
        </div>
      ) : (
        <>
          <ImportDiff answer={answer} />
          {changes === 0 && <p className="ok">{w('import.noChanges')}</p>}
        </>
      )}
      {phase.kind === 'conflict' && (
        <div role="alert" className="refusal">
          <p className="error">{w('import.conflict')}</p>
          <button type="button" onClick={() => props.onCheckAgain(answer.rev)}>
            {w('import.checkAgain')}
          </button>
        </div>
      )}
      {phase.kind === 'applying' && <p role="status">{w('import.applying')}</p>}
      {phase.kind === 'checked' && answer.issues.length === 0 && changes > 0 && (
        <div className="actions">
          <button type="button" onClick={() => props.onApply(answer)}>
            {w('import.apply')} ({changes})
          </button>
        </div>
      )}
    </div>
  );
}
