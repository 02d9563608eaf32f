import { z } from 'zod';
import { AppError, ErrorCode, issuesFromZod, ValidationError } from '../errors.js';
import type { SeedFileText } from '../seed/memorySeedSource.js';

/** Most files one upload may hold (the shipped course has under 50). */
export const MAX_SEED_FILES = 1000;
/** Most UTF-8 bytes of one file's content. */
export const MAX_SEED_FILE_BYTES = 1024 * 1024;
/**
 * Most UTF-8 bytes of all the contents together. The shipped course is under 300 KB; JSON
 * escaping at most doubles ordinary text, so an upload within this fits the 10 MiB body a
 * writer may send (MAX_WRITER_BODY_BYTES), and the HTTP layer refuses what does not with the
 * same PAYLOAD_TOO_LARGE.
 */
export const MAX_SEED_BYTES = 4 * 1024 * 1024;

// Each part a name: letters, digits, `_`, `-` and dots, not starting with a dot (so no `.`,
// `..` or hidden file is a part).
const PART = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

// The first rule a path breaks, or undefined: one message per path, the most telling first.
function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'must not be empty';
  if (path.length > 200) return 'must be at most 200 characters';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return "must be relative to the seed's root";
  if (path.split(/[/\\]/).includes('..')) return "must not leave the seed's root (`..`)";
  if (!path.split('/').every((part) => PART.test(part))) {
    return 'must be names of letters, digits, `_`, `-` and `.` separated by `/`';
  }
  if (!/\.(yaml|md)$/.test(path)) return 'must be a .yaml or .md file';
  return undefined;
}

const seedPathSchema = z.string().superRefine((path, context) => {
  const message = pathProblem(path);
  if (message) context.addIssue({ code: 'custom', message });
});

const seedFilesSchema = z
  .array(z.object({ path: seedPathSchema, content: z.string() }).strict())
  .superRefine((files, context) => {
    const seen = new Set<string>();
    files.forEach((file, index) => {
      if (seen.has(file.path)) {
        context.addIssue({ code: 'custom', path: [index, 'path'], message: 'is given twice' });
      }
      seen.add(file.path);
    });
  });

/**
 * Checks uploaded seed files before any is read: at most MAX_SEED_FILES files, each at most
 * MAX_SEED_FILE_BYTES and all at most MAX_SEED_BYTES (else PAYLOAD_TOO_LARGE), and every path a
 * `.yaml` or `.md` file inside the seed's root, given once (else BAD_USER_INPUT naming it).
 */
export function parseSeedFiles(input: unknown): SeedFileText[] {
  if (Array.isArray(input)) {
    if (input.length > MAX_SEED_FILES) {
      throw new AppError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `${input.length} files is more than the ${MAX_SEED_FILES} an import may hold.`,
      );
    }
    let total = 0;
    for (const file of input as { path?: unknown; content?: unknown }[]) {
      if (typeof file?.content !== 'string') continue;
      const bytes = Buffer.byteLength(file.content);
      if (bytes > MAX_SEED_FILE_BYTES) {
        throw new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `${String(file.path)} is ${bytes} bytes, over the ${MAX_SEED_FILE_BYTES} bytes a file may have.`,
        );
      }
      total += bytes;
    }
    if (total > MAX_SEED_BYTES) {
      throw new AppError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `The files hold ${total} bytes, over the ${MAX_SEED_BYTES} bytes an import may hold.`,
      );
    }
  }
  const parsed = seedFilesSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError('The seed files are refused', issuesFromZod(parsed.error, ['files']));
  }
  return parsed.data;
}
