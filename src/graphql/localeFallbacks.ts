import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { Locale } from '../domain/locale.js';
import { SOURCE_LOCALE } from '../domain/locale.js';
import { localize, type LocalizedText } from '../domain/localized.js';

// Bounds the extension on huge responses; the count still tells how many fell back.
const MAX_RECORDED = 200;

/** A field served in another locale than asked for. */
export interface LocaleFallback {
  /** Response path, e.g. `concept.details.0.title`. */
  path: string;
  requested: Locale;
  served: Locale;
}

/**
 * Collects, per request, every field that had no translation in the requested locale and
 * was served in Korean instead. Sent to the client as `extensions.locale`.
 */
export class LocaleFallbackRecorder {
  private readonly recorded: LocaleFallback[] = [];
  private total = 0;

  /** Notes that the field at `info.path` (plus `suffix`) fell back. */
  record(info: GraphQLResolveInfo, requested: Locale, suffix: (string | number)[] = []): void {
    this.total++;
    if (this.recorded.length >= MAX_RECORDED) return;
    const path = [...responsePathAsArray(info.path), ...suffix].join('.');
    this.recorded.push({ path, requested, served: SOURCE_LOCALE });
  }

  /** The text of `value` in `locale`, falling back to Korean (and recording it). */
  text(
    value: LocalizedText,
    locale: Locale,
    info: GraphQLResolveInfo,
    suffix: (string | number)[] = [],
  ): string {
    return localize(value, locale, () => this.record(info, locale, suffix));
  }

  /** Like `text` for a list of localized strings (each item's index joins the path). */
  texts(values: readonly LocalizedText[], locale: Locale, info: GraphQLResolveInfo): string[] {
    return values.map((value, index) => this.text(value, locale, info, [index]));
  }

  /** What the response extension carries, or undefined when nothing fell back. */
  toExtension(): { fallbacks: LocaleFallback[]; total: number } | undefined {
    return this.total === 0 ? undefined : { fallbacks: this.recorded, total: this.total };
  }
}
