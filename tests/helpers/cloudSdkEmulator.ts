import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** An emulator of the Google Cloud SDK the suites may need. */
export interface SdkEmulator {
  /** Its name in messages: "Firestore", "Pub/Sub". */
  label: string;
  /** A variable that names its launcher directly, checked first. */
  binVariable: string;
  /** The launcher's path under an SDK root. */
  pathInSdk: string[];
  /** The variable (set by .ci/run where it is installed) that makes a missing one a failure. */
  requiredVariable: string;
}

/** The emulator's launcher, if this machine has one. */
export function findSdkEmulator(emulator: SdkEmulator): string | undefined {
  const candidates = [
    process.env[emulator.binVariable],
    ...sdkRoots().map((root) => join(root, ...emulator.pathInSdk)),
  ];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

// Where the SDK is: what gcloud says, then the usual install places.
function sdkRoots(): string[] {
  const roots = ['/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/google-cloud-sdk'];
  const gcloud = spawnSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (gcloud.status === 0 && gcloud.stdout.trim()) roots.unshift(gcloud.stdout.trim());
  return roots;
}

/**
 * `describe` for suites that need the emulator: where it is not installed they are skipped with
 * one loud line, unless its required variable is 1, which makes that a failure.
 */
export function describeWithSdkEmulator(
  emulator: SdkEmulator,
  name: string,
  body: () => void,
): void {
  if (findSdkEmulator(emulator)) {
    describe(name, body);
    return;
  }
  if (process.env[emulator.requiredVariable] === '1') {
    describe(name, () => {
      it(`needs the ${emulator.label} emulator`, () => {
        throw new Error(
          `${emulator.requiredVariable}=1 but no ${emulator.label} emulator was found`,
        );
      });
    });
    return;
  }
  console.warn(
    `SKIPPED "${name}": the ${emulator.label} emulator (Google Cloud SDK, Java 17) is not installed here`,
  );
  describe.skip(name, body);
}
