import cliProgress from 'cli-progress';
import type { ImportProgress } from '../seed/applyImport.js';

/** Reports the progress of an import. */
export interface ProgressReporter {
  update: ImportProgress;
  finish(): void;
  /** Documents committed so far (to say how far a failed import got). */
  written(): number;
}

/**
 * Progress of an import: a live bar on a terminal (cli-progress), one line per committed batch
 * otherwise (logs, CI), where a bar would only fill the output with control characters.
 */
export function progressReporter(
  out: NodeJS.WritableStream & { isTTY?: boolean },
): ProgressReporter {
  let written = 0;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      written = done;
      if (out.isTTY === true) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream: out,
              format: 'writing [{bar}] {percentage}% | {value}/{total} documents',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        } else {
          bar.update(done);
        }
      } else if (done > 0) {
        out.write(`committed ${done}/${total} documents\n`);
      }
    },
    finish() {
      bar?.stop();
      bar = undefined;
    },
    written: () => written,
  };
}
