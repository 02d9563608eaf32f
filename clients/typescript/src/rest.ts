import { errorFromDetails, type Issue } from './errors.js';
import type { Transport } from './http.js';
import type { paths } from './rest/openapi.js';

/** The REST paths that answer GET (all of /v1). */
export type RestPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: unknown } } ? P : never;
}[keyof paths];

type GetOf<P extends RestPath> = paths[P]['get'];
type ParametersOf<P extends RestPath> = GetOf<P> extends { parameters: infer A } ? A : never;
/** The query parameters of a path's GET, as the OpenAPI document declares them. */
export type RestQuery<P extends RestPath> =
  ParametersOf<P> extends { query?: infer Q } ? Exclude<Q, undefined> : never;
/** The path parameters of a path's GET (`{ slug }`), never when it has none. */
export type RestPathParams<P extends RestPath> =
  ParametersOf<P> extends { path: infer Q } ? Exclude<Q, undefined> : never;
/** The JSON body of a path's 200 answer. */
export type RestAnswer<P extends RestPath> =
  GetOf<P> extends { responses: { 200: { content: { 'application/json': infer B } } } }
    ? B
    : unknown;

/** What a GET of a path takes: its path parameters when it has any, and its query. */
export type RestOptions<P extends RestPath> = ([RestPathParams<P>] extends [never]
  ? { path?: undefined }
  : { path: RestPathParams<P> }) & { query?: RestQuery<P> };

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  issues?: Issue[];
}

/** The URL of a path with its parameters filled in and its query appended. */
export function restUrl(
  baseUrl: string,
  path: string,
  params: Record<string, string> | undefined,
  query: Record<string, string | number | boolean | null | undefined> | undefined,
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" of ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const rendered = search.toString();
  return `${baseUrl}${filled}${rendered ? `?${rendered}` : ''}`;
}

/** GETs a REST path, typed by the OpenAPI document; a problem+json answer is thrown as its ClientError. */
export async function restGet<P extends RestPath>(
  transport: Transport,
  path: P,
  options: RestOptions<P>,
): Promise<RestAnswer<P>> {
  const url = restUrl(
    transport.baseUrl,
    path,
    options.path as Record<string, string> | undefined,
    options.query as Record<string, string | number | boolean | undefined> | undefined,
  );
  const answer = await transport.get(url);
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  if (answer.status === 200 && body !== undefined) return body as RestAnswer<P>;
  const problem = (body ?? {}) as Problem;
  throw errorFromDetails({
    code: problem.code ?? 'BAD_RESPONSE',
    message: problem.detail ?? problem.title ?? `The API answered ${answer.status}`,
    status: answer.status,
    issues: problem.issues ?? [],
    extensions: (body ?? {}) as Record<string, unknown>,
  });
}
