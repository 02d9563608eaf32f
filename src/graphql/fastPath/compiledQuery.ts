import {
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Path } from 'graphql/jsutils/Path.js';

/** Each field's own resolver, as the schema had it before Apollo wrapped it (see FieldResolvers). */
export type FieldResolvers = ReadonlyMap<
  GraphQLField<unknown, unknown>,
  GraphQLFieldResolver<unknown, unknown> | undefined
>;

/**
 * The resolvers of every object type's fields, taken before Apollo runs a request: Apollo wraps
 * each of them in place (its per-field plugin hooks) the first time it executes, and a wrapped
 * resolver costs a compiled query two property lookups and a call more per field.
 */
export function ownResolvers(schema: GraphQLSchema): FieldResolvers {
  const resolvers = new Map<
    GraphQLField<unknown, unknown>,
    GraphQLFieldResolver<unknown, unknown> | undefined
  >();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) resolvers.set(field, field.resolve);
  }
  return resolvers;
}

/** graphql-js's resolve info, made with the same fields in the same order for every field. */
class ResolveInfo implements GraphQLResolveInfo {
  readonly fieldName: string;
  readonly fieldNodes: readonly FieldNode[];
  readonly returnType: GraphQLOutputType;
  readonly parentType: GraphQLObjectType;
  readonly path: Path;
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly rootValue: unknown;
  readonly operation: OperationDefinitionNode;
  readonly variableValues: Record<string, unknown>;

  constructor(base: InfoBase, variableValues: Record<string, unknown>, path: Path) {
    this.fieldName = base.fieldName;
    this.fieldNodes = base.fieldNodes;
    this.returnType = base.returnType;
    this.parentType = base.parentType;
    this.path = path;
    this.schema = base.schema;
    this.fragments = base.fragments;
    this.rootValue = base.rootValue;
    this.operation = base.operation;
    this.variableValues = variableValues;
  }
}

type InfoBase = Omit<GraphQLResolveInfo, 'path' | 'variableValues'>;

/** Thrown inside a run when the answer would not be a plain, error-free one: Apollo answers. */
class LeaveToApollo extends Error {}

const leave = new LeaveToApollo('left to Apollo');

/** The state of one run of a compiled query. */
interface Run {
  context: unknown;
  variables: Record<string, unknown>;
  /** Each field's arguments, coerced once per run (they depend on the variables only). */
  args: Map<CompiledField, Record<string, unknown>>;
}

/** Completes a resolved value into its JSON form, or throws. */
type Completer = (run: Run, value: unknown, path: Path) => unknown;

/** One response key of a selection set, its field nodes merged as graphql-js merges them. */
interface CompiledField {
  responseKey: string;
  fieldName: string;
  nodes: FieldNode[];
  definition: GraphQLField<unknown, unknown>;
  resolve: GraphQLFieldResolver<unknown, unknown>;
  /** Arguments known at compile time (no variable in them), else computed once per run. */
  staticArgs: Record<string, unknown> | undefined;
  complete: Completer;
  /** What graphql-js's GraphQLResolveInfo holds besides the path and variables. */
  infoBase: InfoBase;
}

/** A query compiled for its document: runs to `{ data }`, or undefined when Apollo must answer. */
export interface CompiledQuery {
  run(
    context: unknown,
    variables: Record<string, unknown> | undefined,
  ): { data: unknown } | undefined;
}

// graphql-js's isPromise: anything with a `then` method.
function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Compiles an operation into closures that execute it as graphql-js's `execute` does (the same
 * field order, resolver calls with the same arguments, context and resolve info, the same
 * merging of fields and fragments, the same coercion of variables and arguments and the same
 * serialization of leaves), for documents of object types, scalars and enums without @skip or
 * @include; undefined for anything else (graphql-js then runs it). A run gives up (undefined)
 * wherever graphql-js would report an error or wait for a promise, so that Apollo answers such
 * requests as it always did. What it saves: graphql-js works out the fields to collect, the
 * field definitions and the argument values, and checks each type's kind, again for every
 * object of every list; here that is done once per document (arguments once per request).
 */
export function compileQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  resolvers: FieldResolvers,
): CompiledQuery | undefined {
  const root = schema.getQueryType();
  if (operation.operation !== OperationTypeNode.QUERY || !root) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null) as Record<
    string,
    FragmentDefinitionNode
  >;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  let supported = true;

  // graphql-js's collectFields for an object type without @skip/@include: response keys in the
  // order they first appear, a named fragment spread once, fragments of another type left out.
  const collect = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const visit = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if ((selection.directives?.length ?? 0) > 0) supported = false;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const nodes = fields.get(key);
          if (nodes) nodes.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          if (condition === undefined || condition === type.name) visit(selection.selectionSet);
        } else {
          const name = selection.name.value;
          if (visited.has(name)) continue;
          visited.add(name);
          const fragment = fragments[name];
          if (fragment && fragment.typeCondition.name.value === type.name) {
            visit(fragment.selectionSet);
          }
        }
      }
    };
    for (const selectionSet of selectionSets) visit(selectionSet);
    return fields;
  };

  const compileObject = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
  ): ((run: Run, source: unknown, path: Path | undefined) => Record<string, unknown>) => {
    const compiled: CompiledField[] = [];
    for (const [responseKey, nodes] of collect(type, selectionSets)) {
      if (responseKey === '__proto__') supported = false; // see the result object below
      const fieldName = nodes[0]!.name.value;
      if (fieldName === '__typename') {
        compiled.push(typenameField(responseKey, nodes, type, schema, fragments, operation));
        continue;
      }
      const definition = type.getFields()[fieldName];
      if (!definition) {
        supported = false;
        continue;
      }
      const subSelections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      const complete = compileType(definition.type, subSelections);
      const staticArgs = nodes[0]!.arguments?.some((argument) => hasVariable(argument.value))
        ? undefined
        : getArgumentValues(definition, nodes[0]!, {});
      compiled.push({
        responseKey,
        fieldName,
        nodes,
        definition,
        resolve: resolvers.get(definition) ?? defaultFieldResolver,
        staticArgs,
        complete,
        infoBase: {
          fieldName,
          fieldNodes: nodes,
          returnType: definition.type,
          parentType: type,
          schema,
          fragments,
          rootValue: undefined,
          operation,
        },
      });
    }
    const isTypeOf = type.isTypeOf;
    return (run, source, path) => {
      if (isTypeOf) {
        const matches = isTypeOf(
          source,
          run.context,
          new ResolveInfo(compiled[0]!.infoBase, run.variables, path!),
        );
        if (isThenable(matches) || !matches) throw leave;
      }
      // A plain object built in one key order is a fast object (graphql-js makes prototype-less
      // dictionaries); JSON.stringify writes both the same, and no key is `__proto__` (below).
      const result: Record<string, unknown> = {};
      for (const field of compiled) {
        const fieldPath: Path = { prev: path, key: field.responseKey, typename: type.name };
        let args = field.staticArgs;
        if (!args) {
          args = run.args.get(field);
          if (!args) {
            args = getArgumentValues(field.definition, field.nodes[0]!, run.variables);
            run.args.set(field, args);
          }
        }
        const info = new ResolveInfo(field.infoBase, run.variables, fieldPath);
        const value = field.resolve(source, args, run.context, info);
        result[field.responseKey] = field.complete(run, value, fieldPath);
      }
      return result;
    };
  };

  const compileType = (
    type: GraphQLOutputType,
    selectionSets: readonly SelectionSetNode[],
  ): Completer => {
    if (isNonNullType(type)) {
      const inner = compileType(type.ofType, selectionSets);
      return (run, value, path) => {
        const completed = inner(run, value, path);
        if (completed === null) throw leave;
        return completed;
      };
    }
    if (isListType(type)) {
      const item = compileType(type.ofType, selectionSets);
      return (run, value, path) => {
        if (value == null) return null;
        if (isThenable(value) || value instanceof Error) throw leave;
        if (!Array.isArray(value)) throw leave; // other iterables: rare, graphql-js handles them
        const list = value as unknown[];
        const completed = new Array<unknown>(list.length);
        for (let index = 0; index < list.length; index++) {
          completed[index] = item(run, list[index], {
            prev: path,
            key: index,
            typename: undefined,
          });
        }
        return completed;
      };
    }
    if (isScalarType(type) || isEnumType(type)) {
      return (_run, value) => {
        if (value == null) return null;
        if (isThenable(value) || value instanceof Error) throw leave;
        const serialized: unknown = type.serialize(value);
        if (serialized == null) throw leave;
        return serialized;
      };
    }
    if (isObjectType(type)) {
      const object = compileObject(type, selectionSets);
      return (run, value, path) => {
        if (value == null) return null;
        if (isThenable(value) || value instanceof Error) throw leave;
        return object(run, value, path);
      };
    }
    supported = false; // interfaces and unions: this schema has none
    return () => {
      throw leave;
    };
  };

  let rootObject: ReturnType<typeof compileObject>;
  try {
    rootObject = compileObject(root, [operation.selectionSet]);
  } catch {
    return undefined; // an argument graphql-js would refuse: it reports the error
  }
  if (!supported) return undefined;
  const variableDefinitions = operation.variableDefinitions ?? [];
  return {
    run(context, variables) {
      const coerced = getVariableValues(schema, variableDefinitions, variables ?? {}, {
        maxErrors: 50,
      });
      if (coerced.errors) return undefined;
      try {
        const run: Run = { context, variables: coerced.coerced, args: new Map() };
        return { data: rootObject(run, undefined, undefined) };
      } catch {
        // A resolver's error, a null where none may be, a promise: what Apollo answers.
        return undefined;
      }
    },
  };
}

function hasVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(hasVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => hasVariable(field.value));
  return false;
}

function typenameField(
  responseKey: string,
  nodes: FieldNode[],
  type: GraphQLObjectType,
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
): CompiledField {
  return {
    responseKey,
    fieldName: '__typename',
    nodes,
    definition: { name: '__typename' } as GraphQLField<unknown, unknown>,
    resolve: () => type.name,
    staticArgs: {},
    complete: (_run, value) => value,
    infoBase: {
      fieldName: '__typename',
      fieldNodes: nodes,
      returnType: getNamedType(type) as GraphQLOutputType,
      parentType: type,
      schema,
      fragments,
      rootValue: undefined,
      operation,
    },
  };
}
