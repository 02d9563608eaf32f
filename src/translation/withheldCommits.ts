import type { ContentStore } from '../store/contentStore.js';

/** Thrown instead of committing by a store from `withheldCommits`: the edit got that far. */
export class CommitWithheld extends Error {
  override readonly name = 'CommitWithheld';

  constructor() {
    super('dry run: the commit was withheld');
  }
}

/**
 * The store for a dry run: reads go to `store`; a commit throws CommitWithheld instead of
 * writing. An edit run against it is validated exactly as a real one (input, references,
 * markdown, the translation guard), up to the moment it would write.
 */
export function withheldCommits(store: ContentStore): ContentStore {
  return {
    kind: store.kind,
    readRevision: () => store.readRevision(),
    readChanges: (sinceRev) => store.readChanges(sinceRev),
    readHistory: (collection, id, limit) => store.readHistory(collection, id, limit),
    readEvents: (after, limit) => store.readEvents(after, limit),
    readRelayPosition: () => store.readRelayPosition(),
    markRelayed: () => Promise.reject(new CommitWithheld()),
    commit: () => Promise.reject(new CommitWithheld()),
    // The store belongs to its owner: a dry run does not close it.
    close: () => Promise.resolve(),
  };
}
