import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../domain/locale.js';

const noted = new WeakMap<IncomingMessage, Set<Locale>>();

/**
 * The locales whose content the answer to a request reads, as the faces note them while they
 * answer (REST when it sets the ETag, GraphQL as each root field picks its locale): the set
 * itself, to add to. The response cache keeps the answer for as long as the public revision
 * of these locales stays where it was, so an edit only another locale's readers see leaves it.
 */
export function localesRead(req: IncomingMessage): Set<Locale> {
  let locales = noted.get(req);
  if (!locales) {
    locales = new Set();
    noted.set(req, locales);
  }
  return locales;
}

/** The locales noted for a request's answer, or undefined when none were (then: all of it). */
export function notedLocales(req: IncomingMessage): ReadonlySet<Locale> | undefined {
  const locales = noted.get(req);
  return locales && locales.size > 0 ? locales : undefined;
}
