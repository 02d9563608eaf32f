import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import type { Entry } from '../content/entries.js';
import type { CollectionName } from '../domain/bundle.js';
import type { EditDeps } from '../editing/editor.js';
import { confirmTranslation, updateTranslations } from '../editing/translationEdits.js';
import { AppError, ErrorCode, type Issue } from '../errors.js';
import { planDocumentImport, type DocumentImportPlan } from './planDocumentImport.js';
import { readXliff } from './readXliff.js';
import { fileIdOf, type FileDocument } from './translationFile.js';
import { CommitWithheld, withheldCommits } from './withheldCommits.js';

/** What became of one document: written, nothing to write, in conflict, or refused. */
export type DocumentImportOutcome = 'APPLIED' | 'UNCHANGED' | 'CONFLICT' | 'REJECTED';

/** The import of one document of the file (one `<file>`). */
export interface DocumentImport {
  /** The `<file>` id: `concepts.encoder.v3`. */
  file: string;
  collection: CollectionName;
  id: string;
  outcome: DocumentImportOutcome;
  /** The version the file was exported at (the edit's expected version). */
  expectedVersion: number;
  /** The document's version after the import (unchanged by a dry run); null when it is gone. */
  version: number | null;
  /** Paths whose English was written (would be, in a dry run). */
  applied: string[];
  /** Paths whose OUTDATED English was confirmed (kept by the translator). */
  confirmed: string[];
  /** Paths whose target is the English already CURRENT. */
  unchanged: string[];
  /** Paths without a target. */
  skipped: string[];
  /** Paths not applied because the document changed since the export. */
  conflicts: string[];
  /** Why the document was in conflict or refused. */
  message?: string;
  /** For a refused document: each problem, at the API's issue paths. */
  issues: Issue[];
}

/** What an import did (or, in a dry run, would do). */
export interface TranslationImport {
  dryRun: boolean;
  /** The content revision after the import. */
  rev: number;
  documents: DocumentImport[];
}

/**
 * Applies a translators' XLIFF file (admin): the file is read and checked as a whole first
 * (readXliff: a malformed or foreign file is a BAD_USER_INPUT and writes nothing); then each
 * document is planned against the store (planDocumentImport) and written as one edit, through
 * `updateTranslations` (new English, with the kept English confirmed in the same version) or
 * `confirmTranslation` (only confirmations), expecting the version the file was exported at: a
 * document edited meanwhile is a CONFLICT and nothing of it is written, even when the edit lands
 * between the plan and the write. Documents are independent: one refused or in conflict does
 * not stop the others. A dry run validates every edit as a real one and writes nothing.
 */
export async function importTranslations(
  deps: EditDeps,
  viewer: Viewer,
  xliff: string,
  options: { dryRun: boolean },
): Promise<TranslationImport> {
  authorize(viewer, 'import', deps.writable);
  const file = await readXliff(xliff);
  const editDeps = options.dryRun ? { ...deps, store: withheldCommits(deps.store) } : deps;
  const snapshot = await deps.readModel.refresh();
  const documents: DocumentImport[] = [];
  for (const document of file.documents) {
    const entry = (
      snapshot.documents[document.ref.collection] as ReadonlyMap<string, Entry<object>>
    ).get(document.ref.id);
    const plan = planDocumentImport(document, entry);
    documents.push(await applyPlan(editDeps, viewer, document, plan, entry?.version ?? null));
  }
  const rev = options.dryRun ? snapshot.rev : (await deps.readModel.current()).rev;
  return { dryRun: options.dryRun, rev, documents };
}

async function applyPlan(
  deps: EditDeps,
  viewer: Viewer,
  document: FileDocument,
  plan: DocumentImportPlan,
  version: number | null,
): Promise<DocumentImport> {
  const report: DocumentImport = {
    file: fileIdOf(document.ref, document.version),
    collection: document.ref.collection,
    id: document.ref.id,
    outcome: 'UNCHANGED',
    expectedVersion: document.version,
    version,
    applied: [],
    confirmed: [],
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    conflicts: [],
    issues: [],
  };
  const conflict = (message: string): DocumentImport => ({
    ...report,
    outcome: 'CONFLICT',
    unchanged: [],
    skipped: [],
    conflicts: document.units.map((unit) => unit.path),
    message,
  });
  if (plan.conflict !== undefined) return conflict(plan.conflict);
  if (plan.issues.length > 0) {
    return { ...report, outcome: 'REJECTED', message: 'nothing was written', issues: plan.issues };
  }
  if (plan.texts.length === 0 && plan.confirm.length === 0) return report;
  const applied = {
    ...report,
    outcome: 'APPLIED' as const,
    applied: plan.texts.map((text) => text.path),
    confirmed: plan.confirm,
  };
  try {
    const written =
      plan.texts.length > 0
        ? await updateTranslations(
            deps,
            viewer,
            document.ref,
            plan.texts,
            document.version,
            plan.confirm,
          )
        : await confirmTranslation(deps, viewer, document.ref, plan.confirm, document.version);
    return { ...applied, version: written.version };
  } catch (error) {
    if (error instanceof CommitWithheld) return applied;
    if (!(error instanceof AppError)) throw error;
    // Someone wrote the document between the plan and the write: the store refused the edit.
    if (error.code === ErrorCode.CONFLICT) return conflict(error.message);
    return { ...report, outcome: 'REJECTED', message: error.message, issues: error.issues };
  }
}
