import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { REST_ROUTES } from './routes.js';
import { problemSchema } from './schemas.js';

let document: object | undefined;

/**
 * The OpenAPI 3.1 document of the REST API, generated from the routes' zod schemas (so it
 * cannot drift from what the routes accept). Built once, on first request.
 */
export function openApiDocument(): object {
  if (document) return document;
  const registry = new OpenAPIRegistry();
  const problem = {
    description: 'An error (RFC 9457 problem+json) with the same codes as GraphQL',
    content: { 'application/problem+json': { schema: problemSchema } },
  };
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor or admin token (see API_TOKENS)',
  });
  for (const route of REST_ROUTES) {
    registry.registerPath({
      method: 'get',
      path: route.path,
      summary: route.summary,
      ...(route.requires ? { security: [{ [bearer.name]: [] }] } : {}),
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        query: route.query as never,
      },
      responses: {
        200: {
          description: route.summary,
          content: { 'application/json': { schema: route.response } },
        },
        304: {
          description:
            "Not modified: the ETag in If-None-Match is current. Public ETags follow the content of the answer's locales: an edit only other locales' readers see keeps them",
        },
        400: problem,
        ...(route.requires ? { 401: problem, 403: problem } : {}),
        404: problem,
        503: problem,
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document' } },
  });
  document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'LLM course content API (REST)',
      version: '1',
      description:
        'Concepts, lessons, search, lesson bundles and delta sync of the LLM course, in Korean and English. ' +
        'The GraphQL API at /graphql serves the same content.',
    },
    servers: [{ url: '/' }],
  });
  return document;
}
