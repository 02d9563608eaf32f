/**
 * Where a seed's files come from: a directory on disk (`npm run seed`, the compiled seed, the
 * shipped course) or files held in memory (a seed uploaded by the admin console). The loader
 * reads every seed through this, so both run the same parse, validate, plan and apply code.
 * Paths are relative to the seed's root and separated by `/`.
 */
export interface SeedSource {
  /** How issues name the seed itself (its directory, or "the uploaded files"). */
  readonly name: string;
  /** False when there is no seed at all (a directory that does not exist). */
  exists(): Promise<boolean>;
  /** Names of the files directly inside `dir` (`""` is the root), in any order; none when absent. */
  list(dir: string): Promise<string[]>;
  /**
   * The text of a file, or undefined when there is no such file. Other failures reject with an
   * error carrying a `code` (as Node's file errors do), which the loader reports as an issue.
   */
  read(file: string): Promise<string | undefined>;
}
