import type { Request, Response } from 'express';
import type { ReadModel } from '../content/readModel.js';
import type { ContentStore } from '../store/contentStore.js';
import { canPreview, type Viewer } from '../auth/viewer.js';
import { AppError } from '../errors.js';
import { sendHttpError } from './httpErrors.js';

/**
 * GET /healthz: the store kind and whether it is reachable, the content revision served,
 * whether it is stale, and any stored documents rejected as invalid. 200 while content is
 * being served (even stale), 503 before any is (or when the store could not be opened).
 *
 * Anonymous callers see the public revision (the last change they could see) and no document
 * paths: the full revision moves with every draft saved, and outsiders are not to watch the
 * editors work. A valid editor or admin token shows the revision, the public one, the
 * rejected documents and whether the served revision's search index is built (`search.indexed`:
 * until then, in the first seconds of a large course's instance, searches are answered by a
 * slower scan while it builds in the background; see SearchIndex).
 */
export function healthRoute(
  storeKind: string,
  runtime: Promise<{ store: ContentStore; readModel: ReadModel }>,
  viewerOf: (req: Request) => Viewer,
) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    let viewer: Viewer;
    try {
      viewer = viewerOf(req);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendHttpError(req, res, error.code, error.message);
      return;
    }
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
    await opened.readModel.current().catch(() => undefined);
    const status = opened.readModel.status();
    const snapshot = opened.readModel.peek();
    const state =
      status.rev === null ? 'unavailable' : status.stale || !status.storeReachable ? 'stale' : 'ok';
    const editorial = canPreview(viewer);
    res.status(state === 'unavailable' ? 503 : 200).json({
      status: state,
      store: { kind: opened.store.kind, reachable: status.storeReachable },
      content: {
        rev: editorial ? status.rev : (snapshot?.publicRev ?? null),
        ...(editorial ? { publicRev: snapshot?.publicRev ?? null } : {}),
        loadedAt: status.loadedAt,
        checkedAt: status.checkedAt,
        stale: status.stale,
        ...(editorial && status.rejected.length > 0 ? { rejected: status.rejected } : {}),
      },
      ...(editorial ? { search: { indexed: snapshot?.search.isBuilt ?? false } } : {}),
    });
  };
}
