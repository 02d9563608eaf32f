import type { Request } from 'express';
import type { Runtime } from '../runtime.js';
import { canPreview, type Viewer } from '../auth/viewer.js';
import type { Config } from '../config.js';
import type { ContentIndex } from '../content/contentIndex.js';
import type { Audience, ContentSnapshot } from '../content/snapshot.js';
import type { Locale } from '../domain/locale.js';
import { contentUnavailable } from '../errors.js';
import { negotiateLocale } from '../http/negotiateLocale.js';
import { requestViewer } from '../http/requestViewer.js';
import { recordOf } from '../observability/requestLog.js';

/** What a REST handler reads: one snapshot, for one audience, in one locale. */
export interface RestContext {
  snapshot: ContentSnapshot;
  index: ContentIndex;
  audience: Audience;
  viewer: Viewer;
  locale: Locale;
}

/**
 * Resolves a REST request's context: the bearer token (if any) decides the audience (editors
 * and admins preview drafts), the `locale` parameter or Accept-Language the locale.
 */
export async function restContext(
  req: Request,
  config: Config,
  ready: Promise<Runtime>,
  locale: Locale | undefined,
): Promise<RestContext> {
  const viewer = requestViewer(req, config.apiTokens);
  recordOf(req).viewer = viewer.role;
  const runtime = await ready.catch(() => {
    throw contentUnavailable();
  });
  const snapshot = await runtime.readModel.current().catch(() => {
    throw contentUnavailable();
  });
  const audience: Audience = canPreview(viewer) ? 'preview' : 'public';
  return {
    snapshot,
    index: snapshot.index(audience),
    audience,
    viewer,
    locale: locale ?? negotiateLocale(req.headers['accept-language']),
  };
}
