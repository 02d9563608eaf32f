import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './typeDefs.js';

/**
 * The executable schema: `schema.graphql` with the resolver map attached in place. Apollo's own
 * route (typeDefs + resolvers → makeExecutableSchema) merges type definitions, re-validates the
 * SDL and then copies the whole schema to attach resolvers: ~30 ms of every cold start for a
 * single, fixed document. Here it is parsed once without locations and built as it is; whether
 * the SDL is valid is checked once, by the test suite (tests/unit/executableSchema.test.ts).
 */
export function buildExecutableSchema(): GraphQLSchema {
  const schema = buildASTSchema(parse(loadTypeDefs(), { noLocation: true }), {
    assumeValidSDL: true,
  });
  return addResolversToSchema({ schema, resolvers, updateResolversInPlace: true });
}
