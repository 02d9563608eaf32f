import { NOTHING_OUTDATED, type OutdatedCheck } from '../content/outdatedTranslations.js';
import { SOURCE_LOCALE, type Locale } from '../domain/locale.js';
import { localize, type LocalizedText, type PerLocale } from '../domain/localized.js';

/**
 * Picks one locale's values for a JSON answer (REST, bundles, sync) and remembers the JSON path
 * of every field that fell back to Korean (`localize` decides), and of every field served from
 * an outdated translation (the Korean changed since; `outdated` says which), relative to the
 * object built.
 */
export class Localizer {
  readonly fallbacks: string[] = [];
  readonly outdated: string[] = [];

  constructor(
    readonly locale: Locale,
    private readonly isOutdated: OutdatedCheck = NOTHING_OUTDATED,
  ) {}

  /** Any per-locale value in this locale, else Korean (recording `path`). */
  pick<T>(value: PerLocale<T>, path: string): T {
    let fellBack = false;
    const served = localize(value, this.locale, () => {
      fellBack = true;
      this.fallbacks.push(path);
    });
    if (!fellBack && this.locale !== SOURCE_LOCALE && this.isOutdated(value)) {
      this.outdated.push(path);
    }
    return served;
  }

  /** The text in this locale, else Korean (recording `path`). */
  text(value: LocalizedText, path: string): string {
    return this.pick(value, path);
  }

  /** Like `text`, or null when there is no text at all. */
  optional(value: LocalizedText | undefined, path: string): string | null {
    return value ? this.text(value, path) : null;
  }

  /** Each item of a list, with its index in the path. */
  list(values: readonly LocalizedText[], path: string): string[] {
    return values.map((value, i) => this.text(value, `${path}.${i}`));
  }

  /**
   * `body` with `fallbacks` added when any field fell back, and `outdated` when any was served
   * from an outdated translation (each absent otherwise).
   */
  withFallbacks<T extends object>(body: T): T & { fallbacks?: string[]; outdated?: string[] } {
    return {
      ...body,
      ...(this.fallbacks.length > 0 ? { fallbacks: this.fallbacks } : {}),
      ...(this.outdated.length > 0 ? { outdated: this.outdated } : {}),
    };
  }
}
