import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

// About what the parsed document of a query of this many characters occupies, and how much
// of them one instance keeps: a few thousand distinct queries, like Apollo's own documentStore.
const BYTES_PER_CHARACTER = 20;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The documents Apollo has parsed and validated, by their text: what the fast path may run
 * without parsing or validating them again. Filled only by Apollo's pipeline (the plugin below),
 * so a document is known exactly when Apollo found it valid with every rule it runs (the spec's,
 * introspection's, our limits and graphql-armor's), and a document's first request always goes
 * through Apollo. Bounded by an estimate of the parsed documents' size, least recently used out.
 */
export class KnownDocuments<Prepared extends object> {
  private readonly documents = new LRUCache<string, Prepared>({
    maxSize: MAX_BYTES,
    sizeCalculation: (_prepared, text) => Math.max(1, text.length * BYTES_PER_CHARACTER),
  });

  /** @param prepare what the fast path keeps of a valid document (made once per document). */
  constructor(private readonly prepare: (document: DocumentNode) => Prepared) {}

  /** The prepared form of a document Apollo validated, or undefined. */
  get(text: string): Prepared | undefined {
    return this.documents.get(text);
  }

  /** Notes that Apollo validated `document`, parsed from `text`. */
  learn(text: string, document: DocumentNode): void {
    if (!this.documents.has(text)) this.documents.set(text, this.prepare(document));
  }

  /**
   * The plugin that teaches this cache: once Apollo resolved the operation, the document it
   * holds has passed validation (a refused one never gets there; see queryLimits).
   */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: () =>
        Promise.resolve({
          didResolveOperation: ({ source, document }) => {
            this.learn(source, document);
            return Promise.resolve();
          },
        }),
    };
  }
}
