import type { Locale } from '../domain/locale.js';
import type { LocalizedText } from '../domain/localized.js';

/** Picks one locale's text and remembers every field that had to fall back to Korean. */
export class Localizer {
  readonly fallbacks: string[] = [];

  constructor(readonly locale: Locale) {}

  /** The text in this locale, else Korean (recording `path`). */
  text(value: LocalizedText, path: string): string {
    const translated = value[this.locale];
    if (translated !== undefined) return translated;
    this.fallbacks.push(path);
    return value.ko;
  }

  /** Like `text`, or null when there is no text at all. */
  optional(value: LocalizedText | undefined, path: string): string | null {
    return value ? this.text(value, path) : null;
  }

  /** Each item of a list, with its index in the path. */
  list(values: readonly LocalizedText[], path: string): string[] {
    return values.map((value, i) => this.text(value, `${path}.${i}`));
  }
}
