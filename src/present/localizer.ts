import type { Locale } from '../domain/locale.js';
import { localize, type LocalizedText, type PerLocale } from '../domain/localized.js';

/**
 * Picks one locale's values for a JSON answer (REST, bundles, sync) and remembers the JSON path
 * of every field that fell back to Korean (`localize` decides), relative to the object built.
 */
export class Localizer {
  readonly fallbacks: string[] = [];

  constructor(readonly locale: Locale) {}

  /** Any per-locale value in this locale, else Korean (recording `path`). */
  pick<T>(value: PerLocale<T>, path: string): T {
    return localize(value, this.locale, () => this.fallbacks.push(path));
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

  /** `body` with `fallbacks` added when any field fell back (absent otherwise). */
  withFallbacks<T extends object>(body: T): T & { fallbacks?: string[] } {
    return this.fallbacks.length > 0 ? { ...body, fallbacks: this.fallbacks } : body;
  }
}
