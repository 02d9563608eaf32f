import { COLLECTIONS } from '../../domain/bundle.js';
import { importSeedFiles } from '../../editing/importSeedFiles.js';
import { writeCount } from '../../seed/planImport.js';
import type { GraphQLContext } from '../context.js';

/** The `importSeedFiles` mutation: the editing service's answer in the schema's shape. */
export async function importSeedFilesResolver(
  _: unknown,
  args: {
    files: unknown;
    dryRun?: boolean | null;
    prune?: boolean | null;
    expectedRev?: number | null;
  },
  ctx: GraphQLContext,
) {
  const dryRun = args.dryRun ?? true;
  const result = await importSeedFiles(ctx.edit, ctx.viewer, args.files, {
    dryRun,
    prune: args.prune ?? false,
    ...(args.expectedRev == null ? {} : { expectedRev: args.expectedRev }),
  });
  await ctx.adoptLatest();
  const report = result.report;
  return {
    dryRun,
    issues: result.issues,
    collections: report
      ? COLLECTIONS.map((collection) => ({ collection, ...report[collection] }))
      : [],
    conflicts: result.conflicts,
    written: dryRun || !report ? 0 : writeCount(report),
    commits: result.commits,
    rev: result.rev,
  };
}
