import type { Request, Response } from 'express';
import type { ContentCache } from '../content/contentCache.js';
import type { ContentStore } from '../store/contentStore.js';

/**
 * GET /healthz: the store kind and whether it is reachable, the content revision served,
 * whether it is stale, and any stored documents rejected as invalid. 200 while content is
 * being served (even stale), 503 before any is (or when the store could not be opened).
 */
export function healthRoute(
  storeKind: string,
  runtime: Promise<{ store: ContentStore; cache: ContentCache }>,
) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    const opened = await runtime.catch(() => undefined);
    if (!opened) {
      res.status(503).json({
        status: 'unavailable',
        store: { kind: storeKind, reachable: false },
        content: { rev: null },
      });
      return;
    }
    // Serving health also nudges the cache to check the store (at most once per TTL).
    await opened.cache.current().catch(() => undefined);
    const status = opened.cache.status();
    const state =
      status.rev === null ? 'unavailable' : status.stale || !status.storeReachable ? 'stale' : 'ok';
    res.status(state === 'unavailable' ? 503 : 200).json({
      status: state,
      store: { kind: opened.store.kind, reachable: status.storeReachable },
      content: {
        rev: status.rev,
        loadedAt: status.loadedAt,
        checkedAt: status.checkedAt,
        stale: status.stale,
        ...(status.rejected.length > 0 ? { rejected: status.rejected } : {}),
      },
    });
  };
}
