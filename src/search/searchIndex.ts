import type { Concept } from '../domain/concept.js';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { inSlices } from './inSlices.js';
import { newVersion, type IndexedVersion } from './indexedVersion.js';
import type { Lookup } from './lookup.js';
import { matchInStages, type SearchMatch } from './matchStages.js';
import { searchEntryOf, type SearchEntry } from './searchEntries.js';
import { SearchGeneration } from './searchGeneration.js';
import { ScanCache, SearchScan } from './searchScan.js';
import { OverlayMap } from '../structures/overlayMap.js';

export type { SearchMatch } from './matchStages.js';

/** How many candidates each field contributes to exact ranking. */
export const CANDIDATES_PER_FIELD = 200;

// Superseded versions cost memory and lookups, and they count in the index's BM25 statistics.
// Once they outnumber a quarter of the live ones (and at least 16), the revisions that follow
// fill a new generation: each adds its changed versions and 8 more of its live ones, and the
// first that finds all of its versions there moves to it. So no revision pays for a whole build,
// and filling (about live / 8 revisions) ends before as many versions are superseded in the new
// generation as started it, when revisions change one concept each.
const MIN_SUPERSEDED = 16;
const SUPERSEDED_PER_LIVE = 0.25;
const FILLED_PER_REVISION = 8;

/** A built index: each concept's entry (as a version) by slug, and what indexes them. */
interface Built {
  live: ReadonlyMap<string, IndexedVersion>;
  generation: SearchGeneration;
  /** The generation being filled to replace `generation`, if one is. */
  successor?: SearchGeneration | undefined;
}

/** Options of an index (for tests and measurements). */
export interface SearchIndexOptions {
  /**
   * Candidates each lookup of the inverted index contributes, best first by BM25 (default
   * CANDIDATES_PER_FIELD). Infinity makes the index find what the scan finds.
   */
  candidatesPerField?: number;
}

/** An index not built yet that will be made from `root`'s once that is built (see `next`). */
interface Origin {
  root: SearchIndex;
  /** Slugs written since `root`'s revision. */
  changed: ReadonlySet<string>;
}

/**
 * The search index of one content revision, immutable: an inverted index (see SearchGeneration:
 * MiniSearch over our own Korean/English tokens) that finds candidates fast, and `scoreEntry`,
 * which ranks them in tiers. It covers every concept, drafts included; callers filter by
 * visibility.
 *
 * No search waits for it to be built. Until it is, searches are answered by a scan
 * (SearchScan) that runs the same stages over the same tokens without an inverted index; the
 * build runs in the background in slices (`buildInBackground`, which the API starts after its
 * first answer, never before). The next revision's index (see `next`) shares the inverted index
 * and every unchanged concept's entry with this one and indexes only what changed, also when it
 * arrives while this one is still being built: it is then made from this one once it is.
 *
 * Which concepts a revision's index finds, and by which names and texts, never changes. The
 * inverted index's own BM25 scores (which pick each field's best candidates and break ties
 * between text matches) are computed over its whole generation, superseded versions and later
 * revisions' included, so they can move slightly as later revisions are added to it; the scan
 * has none (see SearchScan for how its answers can differ).
 */
export class SearchIndex {
  private state: Built | undefined;
  // Not built yet: the index this one will be made from (else it is built from its concepts).
  private origin: Origin | undefined;
  // A build from the concepts, under way or done (only for an index without an origin).
  private job: BuildJob | undefined;
  private building: Promise<void> | undefined;
  // Until it is built: the entries made so far (by the scan or the build), the scan, and what
  // scans made of entries' texts (an index made from a root uses the root's).
  private entries = new Map<string, SearchEntry>();
  private scan: SearchScan | undefined;
  private scanCache: ScanCache | undefined;

  /** @param concepts the revision's concepts by slug, drafts included. */
  constructor(
    private readonly concepts: ReadonlyMap<string, Concept>,
    private readonly options: SearchIndexOptions = {},
  ) {}

  /**
   * The index of the next revision, whose concepts are `concepts`: `changed` names the slugs
   * written since this revision (created, updated or deleted). This index is left as it was.
   * When this one is built, the next one shares its entries and inverted index and indexes only
   * the changed concepts now; else it will be made so from the index this one comes from once
   * that is built (no build is started twice or wasted), and answers by a scan until then.
   */
  next(concepts: ReadonlyMap<string, Concept>, changed: Iterable<string>): SearchIndex {
    const index = new SearchIndex(concepts, this.options);
    const state = this.ready();
    if (state) {
      index.state = derive(state, concepts, new Set(changed), (slug) =>
        searchEntryOf(concepts.get(slug)!),
      );
    } else {
      const root = this.origin?.root ?? this;
      index.origin = { root, changed: new Set([...(this.origin?.changed ?? []), ...changed]) };
    }
    return index;
  }

  /**
   * Versions in this revision's inverted index it does not use: superseded ones, and those of
   * later revisions that share it (for tests and measurements).
   */
  get superseded(): number {
    const state = this.ready();
    return state ? state.generation.versions - state.live.size : 0;
  }

  /** Number of indexed concepts. */
  get size(): number {
    return this.concepts.size;
  }

  /** True once searches use the inverted index (before, the scan answers them). */
  get isBuilt(): boolean {
    return this.ready() !== undefined;
  }

  /** True while a background build this index waits for is under way (see buildInBackground). */
  get isBuilding(): boolean {
    if (this.isBuilt) return false;
    return this.origin ? this.origin.root.isBuilding : this.building !== undefined;
  }

  /**
   * Starts building this index in the background unless it is built or being built: slices of
   * work of a few milliseconds, each in its own turn of the event loop, so requests are served
   * between them. Resolves once it is built.
   */
  buildInBackground(): Promise<void> {
    if (this.ready()) return Promise.resolve();
    if (this.origin) {
      return this.origin.root.buildInBackground().then(() => void this.ready());
    }
    this.building ??= inSlices((deadline) => this.buildJob().step(deadline)).then(() =>
      this.adopt(),
    );
    return this.building;
  }

  /** Builds the index now (finishing a build under way) rather than in the background; returns it. */
  build(): this {
    if (this.ready()) return this;
    if (this.origin) this.origin.root.build();
    else {
      this.buildJob().finish();
      this.adopt();
    }
    this.ready();
    return this;
  }

  /**
   * Matches of a query, scored; unordered (see matchInStages): from the inverted index once it
   * is built, else from the scan, which makes no index.
   */
  match(
    query: AnalyzedQuery,
    wanted = Infinity,
    visible: (slug: string) => boolean = () => true,
  ): SearchMatch[] {
    const state = this.ready();
    if (state) {
      const candidates = this.options.candidatesPerField ?? CANDIDATES_PER_FIELD;
      const lookup: Lookup = (terms, field, options) =>
        state.generation.lookup(terms, field, options, state.live, candidates);
      return matchInStages(query, wanted, visible, lookup, (slug) => state.live.get(slug)!.entry);
    }
    this.scan ??= new SearchScan(this.concepts, (slug) => this.entryOf(slug), this.cache());
    return matchInStages(query, wanted, visible, this.scan.lookup, (slug) => this.entryOf(slug));
  }

  // The built state, made now from the root's when that is built (which costs what changed).
  private ready(): Built | undefined {
    if (this.state || !this.origin) return this.state;
    const base = this.origin.root.ready();
    if (!base) return undefined;
    this.state = derive(base, this.concepts, this.origin.changed, (slug) => this.entryOf(slug));
    this.origin = undefined;
    this.forgetUnbuilt();
    return this.state;
  }

  // A concept's entry before the index is built, made once whoever asks first (the scan, the
  // build, the derivation); an index made from a root shares the root's unchanged ones.
  private entryOf(slug: string): SearchEntry {
    const built = this.state?.live.get(slug);
    if (built) return built.entry;
    let entry = this.entries.get(slug);
    if (!entry) {
      entry =
        this.origin && !this.origin.changed.has(slug)
          ? this.origin.root.entryOf(slug)
          : searchEntryOf(this.concepts.get(slug)!);
      this.entries.set(slug, entry);
    }
    return entry;
  }

  private cache(): ScanCache {
    if (this.origin) return this.origin.root.cache();
    return (this.scanCache ??= new ScanCache());
  }

  private buildJob(): BuildJob {
    return (this.job ??= new BuildJob(
      this.concepts,
      (slug) => this.entryOf(slug),
      (entry) => this.cache().prepare(entry),
    ));
  }

  // Takes the finished build's state (once: the background build and `build` may both end it).
  private adopt(): void {
    if (this.state || !this.job?.done) return;
    this.state = this.job.built;
    this.job = undefined;
    this.forgetUnbuilt();
  }

  private forgetUnbuilt(): void {
    this.entries = new Map();
    this.scan = undefined;
    this.scanCache = undefined;
  }
}

/**
 * A build from a revision's concepts, a step at a time: each step works until its deadline (on
 * at least one concept), so a build can run in slices between requests. First every concept's
 * entry is made with what the scan reads of it (cheap: then searches made during the rest of
 * the build are answered by a scan that has little left to make), then each is added to the
 * inverted index (most of the cost).
 */
class BuildJob {
  private readonly generation = new SearchGeneration();
  private readonly live = new Map<string, IndexedVersion>();
  private readonly toPrepare: Iterator<string>;
  private readonly toAdd: Iterator<string>;
  private prepared = false;
  private finished = false;

  constructor(
    concepts: ReadonlyMap<string, unknown>,
    private readonly entryOf: (slug: string) => SearchEntry,
    private readonly prepare: (entry: SearchEntry) => void,
  ) {
    this.toPrepare = concepts.keys();
    this.toAdd = concepts.keys();
  }

  get done(): boolean {
    return this.finished;
  }

  get built(): Built {
    return { live: this.live, generation: this.generation };
  }

  /** Indexes every concept left now (nothing is prepared for a scan that will not run). */
  finish(): void {
    this.prepared = true;
    this.step(Infinity);
  }

  /** Works until `deadline` (performance.now()); true once every concept is indexed. */
  step(deadline: number): boolean {
    while (!this.prepared) {
      const next = this.toPrepare.next();
      if (next.done) this.prepared = true;
      else this.prepare(this.entryOf(next.value));
      if (performance.now() >= deadline) return this.finished;
    }
    while (!this.finished) {
      const next = this.toAdd.next();
      if (next.done) {
        this.finished = true;
        break;
      }
      const version = newVersion(this.entryOf(next.value));
      this.generation.add(version);
      this.live.set(next.value, version);
      if (performance.now() >= deadline) break;
    }
    return this.finished;
  }
}

// The built state of a revision made from the one before it: `changed` concepts get new
// versions (deleted ones leave), everything else is shared.
function derive(
  base: Built,
  concepts: ReadonlyMap<string, Concept>,
  changed: ReadonlySet<string>,
  entryOf: (slug: string) => SearchEntry,
): Built {
  const { generation } = base;
  const live = OverlayMap.editing(base.live, changed.size);
  const added: IndexedVersion[] = [];
  for (const slug of changed) {
    if (!concepts.has(slug)) {
      live.delete(slug);
      continue;
    }
    const version = newVersion(entryOf(slug));
    live.set(slug, version);
    added.push(version);
  }
  for (const version of added) generation.add(version);
  const superseded = generation.versions - live.size;
  const successor =
    base.successor ??
    (superseded > Math.max(MIN_SUPERSEDED, SUPERSEDED_PER_LIVE * live.size)
      ? new SearchGeneration()
      : undefined);
  return successor?.fill(live, added.length + FILLED_PER_REVISION)
    ? { live, generation: successor }
    : { live, generation, successor };
}
