import cors from 'cors';
import type { Config } from '../config.js';

/**
 * CORS for browsers: the configured origins (default: any, as public reads carry no cookies;
 * writes need a bearer token anyway). Preflight requests are answered here, with the headers a
 * GraphQL or REST client sends: Authorization, Apollo's CSRF headers, If-None-Match.
 */
export function corsPolicy(config: Config) {
  return cors({
    origin: config.corsOrigins === '*' ? '*' : config.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'Accept-Language',
      'If-None-Match',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: ['ETag', 'Content-Language'],
    maxAge: 600,
  });
}
