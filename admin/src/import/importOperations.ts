import { graphql } from '../gql/gql.js';

/**
 * Sends a seed's files: a dry run answers the diff (or the files' problems by file and line);
 * an apply names the revision its dry run was made at (`expectedRev`).
 */
export const IMPORT_SEED_FILES = graphql(`
  mutation ImportSeedFiles(
    $files: [SeedFileInput!]!
    $dryRun: Boolean!
    $prune: Boolean!
    $expectedRev: Int
  ) {
    importSeedFiles(files: $files, dryRun: $dryRun, prune: $prune, expectedRev: $expectedRev) {
      dryRun
      written
      rev
      issues {
        file
        line
        path
        message
      }
      conflicts {
        collection
        id
      }
      collections {
        collection
        created
        updated
        unchanged
        deleted
        kept
      }
    }
  }
`);
