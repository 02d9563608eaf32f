import type { NextFunction, Request, Response } from 'express';
import vary from 'vary';

/**
 * Makes a later `setHeader('Vary', …)` add to the Vary header instead of replacing it.
 * Why: Apollo sets the headers its plugins chose with setHeader, which dropped the
 * `Vary: Origin` the CORS middleware had set, and a shared cache would then hand one
 * origin's Access-Control-Allow-Origin to another.
 */
export function mergeVary(_req: Request, res: Response, next: NextFunction): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = function (
    this: Response,
    name: string,
    value: number | string | readonly string[],
  ) {
    if (name.toLowerCase() !== 'vary') return setHeader(name, value);
    const existing = res.getHeader('vary');
    const fields = Array.isArray(value) ? value.join(', ') : String(value);
    const merged =
      existing === undefined
        ? fields
        : vary.append(Array.isArray(existing) ? existing.join(', ') : String(existing), fields);
    return setHeader(name, merged);
  } as Response['setHeader'];
  next();
}
