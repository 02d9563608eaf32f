import type { Request, Response } from 'express';
import type { ContentCache } from '../content/contentCache.js';
import type { ContentStore } from '../store/contentStore.js';

/**
 * GET /healthz: the store kind and whether it is reachable, the content revision served and
 * whether it is stale. 200 while content is being served (even stale), 503 before any is.
 */
export function healthRoute(store: ContentStore, cache: ContentCache) {
  return async (_req: Request, res: Response): Promise<void> => {
    // Serving health also nudges the cache to check the store (at most once per TTL).
    await cache.current().catch(() => undefined);
    const status = cache.status();
    const state =
      status.rev === null ? 'unavailable' : status.stale || !status.storeReachable ? 'stale' : 'ok';
    res.status(state === 'unavailable' ? 503 : 200);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      status: state,
      store: { kind: store.kind, reachable: status.storeReachable },
      content: {
        rev: status.rev,
        loadedAt: status.loadedAt,
        checkedAt: status.checkedAt,
        stale: status.stale,
      },
    });
  };
}
