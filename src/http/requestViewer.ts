import type { IncomingMessage } from 'node:http';
import { authenticate } from '../auth/authenticate.js';
import type { TokenEntry } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';

// Each request's outcome, with the token list it was checked against: the process's one API
// checks every request against one list (tests run several APIs, each with its own).
const outcomes = new WeakMap<
  IncomingMessage,
  { tokens: readonly TokenEntry[]; viewer?: Viewer; refusal?: unknown }
>();

/**
 * The request's viewer, authenticated once: the body limit (before the body is read), then the
 * REST, GraphQL and health handlers all ask, and only the first pays for the SHA-256 and the
 * comparisons. Throws the same UNAUTHENTICATED error each time for a bad header.
 */
export function requestViewer(req: IncomingMessage, tokens: readonly TokenEntry[]): Viewer {
  let outcome = outcomes.get(req);
  if (outcome?.tokens !== tokens) {
    try {
      outcome = { tokens, viewer: authenticate(req.headers.authorization, tokens) };
    } catch (refusal) {
      outcome = { tokens, refusal };
    }
    outcomes.set(req, outcome);
  }
  if (outcome.viewer) return outcome.viewer;
  throw outcome.refusal;
}
