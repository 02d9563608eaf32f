import type { Client } from './client.js';
import { FullSyncRequiredError } from './errors.js';
import type { RestAnswer } from './rest.js';
import type { SyncStorage } from './syncStorage.js';

/** A lesson bundle as GET /v1/lessons/{slug}/bundle serves it. */
export type LessonBundle = RestAnswer<'/v1/lessons/{slug}/bundle'>;
/** One page of GET /v1/sync. */
export type ChangePage = RestAnswer<'/v1/sync'>;
/** A locale of the course. */
export type CourseLocale = 'ko' | 'en';

/** What the kept copy is: the bundle, and the sync token of each of its locales. */
interface KeptLesson {
  bundle: LessonBundle;
  tokens: Partial<Record<CourseLocale, string>>;
}

/** What one `sync()` did. */
export interface SyncOutcome {
  /** Sync pages read (all locales). */
  pages: number;
  /** Whether the bundle was fetched again (a change touched it, or there was no copy yet). */
  refetched: boolean;
  /** Whether the API asked for a sync from scratch (FULL_SYNC_REQUIRED): the copy was replaced. */
  fullSync: boolean;
}

/**
 * An offline copy of one lesson bundle, kept in the app's SyncStorage and brought up to date
 * with the API's delta sync. `sync()` reads the pages of changes since the copy's tokens (per
 * locale) and checks each upsert and deletion against the copy: the lesson itself, a concept,
 * relation or comparison it holds, a relation to one of its concepts (a held concept lists its
 * relations), the deletion of a concept one of them relates to, a lesson starting or ceasing to
 * teach one of them, a comparison of its concepts. When one touches it, the bundle is fetched again (a conditional GET: the API
 * packs what the lesson now teaches, so added, deleted, withdrawn and republished concepts come
 * out exactly as a fresh fetch, and the copy keeps the bundle's own shape). Nothing touched: only
 * the tokens move. FULL_SYNC_REQUIRED (a reset store, another deployment): the copy is replaced.
 */
export class OfflineLesson {
  private readonly key: string;

  constructor(
    private readonly client: Client,
    private readonly storage: SyncStorage,
    readonly slug: string,
    readonly locales: readonly CourseLocale[] = ['ko', 'en'],
  ) {
    this.key = `lesson-bundle:${slug}:${locales.join(',')}`;
  }

  /** The kept bundle, fetched (and kept) first when there is none yet. */
  async bundle(): Promise<LessonBundle> {
    return (await this.load())?.bundle ?? (await this.refetch()).bundle;
  }

  /** Brings the kept copy up to date (see the class comment). */
  async sync(): Promise<SyncOutcome> {
    const kept = await this.load();
    if (!kept) {
      await this.refetch();
      return { pages: 0, refetched: true, fullSync: false };
    }
    let pages = 0;
    let touched = false;
    const tokens: KeptLesson['tokens'] = {};
    try {
      for (const locale of this.locales) {
        let token = kept.tokens[locale];
        for (;;) {
          const page = await this.client.get('/v1/sync', {
            query: { locale, first: 500, ...(token ? { since: token } : {}) },
          });
          pages++;
          touched ||= touches(kept.bundle, locale, page);
          token = page.token;
          if (!page.hasMore) break;
        }
        tokens[locale] = token;
      }
    } catch (error) {
      if (!(error instanceof FullSyncRequiredError)) throw error;
      await this.refetch();
      return { pages, refetched: true, fullSync: true };
    }
    if (touched) await this.refetch();
    else await this.save({ bundle: kept.bundle, tokens });
    return { pages, refetched: touched, fullSync: false };
  }

  /** Forgets the kept copy. */
  forget(): Promise<void> {
    return this.storage.delete(this.key);
  }

  private async refetch(): Promise<KeptLesson> {
    const bundle = await this.client.get('/v1/lessons/{slug}/bundle', {
      path: { slug: this.slug },
      query: { locales: this.locales.join(',') },
    });
    // The bundle's token continues from exactly the content it holds, in each of its locales.
    const kept: KeptLesson = {
      bundle,
      tokens: Object.fromEntries(this.locales.map((locale) => [locale, bundle.syncToken])),
    };
    await this.save(kept);
    return kept;
  }

  private async load(): Promise<KeptLesson | null> {
    const text = await this.storage.get(this.key);
    return text === null ? null : (JSON.parse(text) as KeptLesson);
  }

  private save(kept: KeptLesson): Promise<void> {
    return this.storage.set(this.key, JSON.stringify(kept));
  }
}

/**
 * Whether a page of changes touches what a bundle holds in a locale (erring towards yes). A
 * held concept is served with what other documents say about it (its `relations`, to any
 * concept, and the `lessons` teaching it), so a relation with one end among the held concepts,
 * the deletion of a concept it relates to, and a lesson starting or ceasing to teach one of them
 * change the bundle too, though the sync page names none of the held documents.
 */
export function touches(bundle: LessonBundle, locale: CourseLocale, page: ChangePage): boolean {
  const content = bundle.content[locale];
  if (!content) return true;
  const concepts = new Map(content.concepts.map((concept) => [concept.slug, concept]));
  const relations = new Set(content.relations.map((relation) => relation.id));
  const comparisons = new Set(content.comparisons.map((comparison) => comparison.slug));
  const relatedToHeld = new Set(
    content.concepts.flatMap((concept) => concept.relations.map((edge) => edge.concept)),
  );
  const teachingHeld = new Set(content.concepts.flatMap((concept) => concept.lessons));
  const relationTouches = (id: string, from: string, to: string) =>
    relations.has(id) || concepts.has(from) || concepts.has(to);
  // Whether a lesson's list of concepts disagrees with the held concepts' `lessons`.
  const teachingChanged = (lesson: ChangePage['lessons'][number]) =>
    [...concepts.values()].some(
      (concept) => lesson.concepts.includes(concept.slug) !== concept.lessons.includes(lesson.slug),
    );
  const held: Record<string, (id: string) => boolean> = {
    lesson: (id) => id === bundle.slug || teachingHeld.has(id),
    concept: (id) => concepts.has(id) || relatedToHeld.has(id),
    relation: (id) => {
      // A relation's id is `{from}__{kind}__{to}` (slugs have no "__").
      const [from = '', , to = ''] = id.split('__');
      return relationTouches(id, from, to);
    },
    comparison: (id) => comparisons.has(id),
  };
  return (
    page.lessons.some((lesson) => lesson.slug === bundle.slug || teachingChanged(lesson)) ||
    page.concepts.some((concept) => concepts.has(concept.slug)) ||
    page.relations.some((relation) => relationTouches(relation.id, relation.from, relation.to)) ||
    page.comparisons.some(
      (comparison) =>
        comparisons.has(comparison.slug) || comparison.concepts.some((slug) => concepts.has(slug)),
    ) ||
    page.deleted.some((gone) => held[gone.type]?.(gone.id) ?? false)
  );
}
