// Requests the fast path at the process's door tried and left to the app. The app's GraphQL
// route tries the fast path again before Apollo (for what the door never sees); for these it
// would only repeat the door's work, an execution included, before Apollo runs it a third time.
const declined = new WeakSet<object>();

/** Notes that the door's fast path tried `req` and left it to the app. */
export function noteDeclined(req: object): void {
  declined.add(req);
}

/** Whether the door's fast path tried `req` and left it to the app (see noteDeclined). */
export function wasDeclined(req: object): boolean {
  return declined.has(req);
}
