// The executable schema is built without Apollo's SDL checks (for cold starts); these tests are
// where the SDL is checked, and where it is proven equal to what Apollo's own route would build.
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  buildASTSchema,
  isEnumType,
  isObjectType,
  parse,
  printSchema,
  validateSchema,
  type GraphQLEnumType,
  type GraphQLObjectType,
} from 'graphql';
import { buildExecutableSchema } from '../../src/graphql/executableSchema.js';
import { resolvers } from '../../src/graphql/resolvers/index.js';
import { loadTypeDefs } from '../../src/graphql/typeDefs.js';

const schema = buildExecutableSchema();

describe('the executable schema', () => {
  it('comes from SDL that passes every SDL rule and a schema that validates', () => {
    expect(() => buildASTSchema(parse(loadTypeDefs()))).not.toThrow();
    expect(validateSchema(schema)).toEqual([]);
  });

  it('prints exactly as the schema Apollo would build from the same SDL and resolvers', () => {
    const reference = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
    expect(printSchema(schema)).toBe(printSchema(reference));
  });

  it('has every function of the resolver map attached to its field', () => {
    let attached = 0;
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const [fieldName, resolve] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof resolve !== 'function') continue;
        const field = (type as GraphQLObjectType).getFields()[fieldName];
        expect([typeName, fieldName, typeof field?.resolve]).toEqual([
          typeName,
          fieldName,
          'function',
        ]);
        attached++;
      }
    }
    expect(attached).toBeGreaterThan(100);
  });

  it('maps enum names to the stored values both ways', () => {
    for (const [typeName, values] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!isEnumType(type)) continue;
      for (const [name, stored] of Object.entries(values as Record<string, string>)) {
        expect(type.serialize(stored)).toBe(name);
        expect(type.parseValue(name)).toBe(stored);
      }
    }
    expect((schema.getType('Locale') as GraphQLEnumType).parseValue('KO')).toBe('ko');
  });

  it('uses the JSON scalar of the resolver map', () => {
    const json = schema.getType('JSON');
    expect(json).toBeDefined();
    expect((json as any).parseValue({ a: [1, 'b'] })).toEqual({ a: [1, 'b'] });
    expect((json as any).serialize({ a: 1 })).toEqual({ a: 1 });
  });
});
