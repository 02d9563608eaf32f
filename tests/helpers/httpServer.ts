import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { startApi, type Api, type ApiOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

/** A function served over real HTTP on a loopback port. */
export interface ServedFunction {
  url: string;
  /** The HTTP server (what a request's `socket.server` is). */
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a function registered with the functions framework through the framework's own
 * server (its body parsers and middleware included) on a free loopback port.
 */
export async function serveRegisteredFunction(name: string): Promise<ServedFunction> {
  const server: Server = getTestServer(name);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

let counter = 0;

/**
 * Builds an API instance from an environment (and optional store), registers it with the
 * functions framework under a fresh name, and serves it like `serveRegisteredFunction`.
 */
export async function serveApi(
  env: Record<string, string> = {},
  options: ApiOptions = {},
): Promise<ServedFunction & { api: Api }> {
  // Composed exactly as the production entry composes it (src/index.ts). Request log lines go to
  // the process logger, silent unless a test swaps in a capturing one.
  const api = startApi(loadConfig(env), options);
  await api.ready;
  const name = `api-test-${++counter}`;
  functions.http(name, api.handler);
  const served = await serveRegisteredFunction(name);
  return {
    ...served,
    api,
    close: async () => {
      await served.close();
      await api.close();
    },
  };
}

/** A decoded HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Sends a request and decodes the answer (json is undefined when the body is not JSON). */
export async function request(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A GraphQL result as clients see it. */
export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/** POSTs a GraphQL operation as JSON. */
export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const answer = await request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: answer.status, headers: answer.headers, ...(answer.json as object) };
}
