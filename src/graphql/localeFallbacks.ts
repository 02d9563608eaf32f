import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { Locale } from '../domain/locale.js';
import { SOURCE_LOCALE } from '../domain/locale.js';
import { localize, type LocalizedText, type PerLocale } from '../domain/localized.js';
import { NOTHING_OUTDATED, type OutdatedCheck } from '../content/outdatedTranslations.js';

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
 * was served in Korean instead, and every field served from an outdated translation (its
 * Korean changed since). Sent to the client as `extensions.locale`.
 */
export class LocaleFallbackRecorder {
  private readonly recorded: LocaleFallback[] = [];
  private total = 0;
  private readonly outdated: string[] = [];
  private outdatedTotal = 0;
  private isOutdated: OutdatedCheck = NOTHING_OUTDATED;

  /** Reads translation state from the index the request is served from (set with its snapshot). */
  readFrom(index: { outdated: OutdatedCheck }): void {
    this.isOutdated = index.outdated;
  }

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
    return this.pick(value, locale, info, suffix);
  }

  /**
   * Any per-locale value in `locale`, falling back to Korean (recorded), and recording a
   * translation served although outdated.
   */
  pick<T>(
    value: PerLocale<T>,
    locale: Locale,
    info: GraphQLResolveInfo,
    suffix: (string | number)[] = [],
  ): T {
    let fellBack = false;
    const served = localize(value, locale, () => {
      fellBack = true;
      this.record(info, locale, suffix);
    });
    if (!fellBack && locale !== SOURCE_LOCALE && this.isOutdated(value)) {
      this.outdatedTotal++;
      if (this.outdated.length < MAX_RECORDED) {
        this.outdated.push([...responsePathAsArray(info.path), ...suffix].join('.'));
      }
    }
    return served;
  }

  /** Like `text` for a list of localized strings (each item's index joins the path). */
  texts(values: readonly LocalizedText[], locale: Locale, info: GraphQLResolveInfo): string[] {
    return values.map((value, index) => this.text(value, locale, info, [index]));
  }

  /**
   * What the response extension carries, or undefined when nothing fell back and no outdated
   * translation was served: `fallbacks` (with their `total`), and `outdated` response paths
   * (with `outdatedTotal`) when there were any.
   */
  toExtension():
    | { fallbacks: LocaleFallback[]; total: number; outdated?: string[]; outdatedTotal?: number }
    | undefined {
    if (this.total === 0 && this.outdatedTotal === 0) return undefined;
    return {
      fallbacks: this.recorded,
      total: this.total,
      ...(this.outdatedTotal > 0
        ? { outdated: this.outdated, outdatedTotal: this.outdatedTotal }
        : {}),
    };
  }
}
