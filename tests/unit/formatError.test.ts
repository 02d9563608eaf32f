/**
 * How GraphQL errors reach clients (src/graphql/formatError.ts), fed what Apollo feeds it: our
 * AppErrors keep their message, code and issues; GraphQL's own client errors (parse,
 * validation, variables, persisted queries, operation resolution) keep their message and code;
 * queries over a limit become QUERY_TOO_COMPLEX; anything else is masked as
 * INTERNAL_SERVER_ERROR, logged, and leaks nothing; in production "Did you mean …?" guesses go.
 * Every error keeps where it happened (locations, path) and no other extension.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  locatedError,
  parse,
  validate,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { AppError, ConflictError, ErrorCode, ValidationError } from '../../src/errors.js';
import { buildExecutableSchema } from '../../src/graphql/executableSchema.js';
import { createFormatError, formatError } from '../../src/graphql/formatError.js';
import { knownOperationTypesRule } from '../../src/graphql/knownOperationTypesRule.js';
import { listCostRule } from '../../src/graphql/listCostRule.js';
import { selectionWidthRule } from '../../src/graphql/selectionWidthRule.js';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { fullSyncRequired } from '../../src/sync/syncToken.js';

const schema = buildExecutableSchema();

// ---- The errors as Apollo produces them (see @apollo/server's requestPipeline.js and
// internalErrorClasses.js), from real graphql-js failures where there is one. ----

/** What Apollo passes as `formatted` (errorNormalize.js, enrichError): code defaulted, http out. */
function apolloFormatted(
  error: GraphQLError,
  options: { stacktrace?: boolean } = {},
): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  return {
    ...error.toJSON(),
    extensions: {
      ...extensions,
      code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
      ...(options.stacktrace ? { stacktrace: error.stack?.split('\n') } : {}),
    },
  };
}

// Apollo's GraphQLErrorWithCode subclasses: the same error with Apollo's code on top.
function withCode(error: GraphQLError, code: string, keepPositions = false): GraphQLError {
  return new GraphQLError(error.message, {
    ...(keepPositions
      ? { source: error.source, positions: error.positions }
      : { nodes: error.nodes }),
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
}

/** A document that fails to parse, as Apollo's SyntaxError (GRAPHQL_PARSE_FAILED). */
function parseFailure(source: string, options?: { maxTokens: number }): GraphQLError {
  try {
    parse(source, options);
  } catch (error) {
    return withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED', true);
  }
  throw new Error(`expected ${source} not to parse`);
}

/** The errors of validating a document, as Apollo's ValidationError (GRAPHQL_VALIDATION_FAILED). */
function validationFailures(source: string, rules?: readonly ValidationRule[]): GraphQLError[] {
  const errors = validate(schema, parse(source), rules);
  if (errors.length === 0) throw new Error(`expected ${source} to fail validation`);
  return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
}

/**
 * The errors of coercing variables: Apollo re-codes those about one variable definition as
 * BAD_USER_INPUT (UserInputError); the others (the 51st, "too many errors") stay uncoded.
 */
function variableFailures(source: string, variables: Record<string, unknown>): GraphQLError[] {
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 50, // graphql-js's execute passes 50
  });
  if (!result.errors) throw new Error(`expected ${JSON.stringify(variables)} to be refused`);
  return result.errors.map((error) =>
    error.nodes?.length === 1 && error.nodes[0]!.kind === Kind.VARIABLE_DEFINITION
      ? withCode(error, 'BAD_USER_INPUT')
      : error,
  );
}

/** An error thrown by a resolver, located by graphql-js at `{ concept(slug: "a") { slug } }`. */
const conceptField = (
  parse('{ concept(slug: "a") { slug } }').definitions[0] as OperationDefinitionNode
).selectionSet.selections[0] as FieldNode;
const resolverError = (thrown: unknown) => locatedError(thrown, [conceptField], ['concept']);
const AT_CONCEPT = { locations: [{ line: 1, column: 3 }], path: ['concept'] };

// graphql-armor's depth rule, reporting as queryLimits configures it (maxDepth 1).
function armorRefusal(tagged: boolean): GraphQLError {
  const armor = new ApolloArmor({
    maxDepth: { n: 1 },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const [error] = validate(
    schema,
    parse('{ concept(slug: "a") { category { slug } } }'),
    armor.protect().validationRules,
  );
  // queryLimits' tagTooComplex marks armor's refusals before reporting them.
  if (tagged) Object.assign(error!.extensions, { code: 'QUERY_TOO_COMPLEX', limit: 'armor' });
  return withCode(error!, 'GRAPHQL_VALIDATION_FAILED');
}

// Where an error happened, as formatError keeps it.
function where(formatted: GraphQLFormattedError) {
  return {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}

// ---- Log capture: masked errors are logged (stack included), client errors are not. ----

let logged: { message: string; stack_trace?: string }[];
let previousLogger: Logger;
beforeEach(() => {
  logged = [];
  previousLogger = useLogger(
    createLogger('error', { write: (line: string) => void logged.push(JSON.parse(line)) }),
  );
});
afterEach(() => {
  useLogger(previousLogger);
});

const development = createFormatError({ hideSuggestions: false });
const production = createFormatError({ hideSuggestions: true });

describe('our AppErrors keep their message, code and issues', () => {
  // Apollo's formatted form carries a stack trace here (includeStacktraceInErrorResponses): it
  // must not pass.
  it.each<[string, unknown, GraphQLFormattedError]>([
    [
      'a ValidationError names each failing path',
      resolverError(
        new ValidationError('The concept is invalid', [
          { path: ['input', 'slug'], message: 'must be kebab-case' },
          { path: ['input', 'term', 'ko'], message: 'Required' },
        ]),
      ),
      {
        message: 'The concept is invalid',
        ...AT_CONCEPT,
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: [
            { path: ['input', 'slug'], message: 'must be kebab-case' },
            { path: ['input', 'term', 'ko'], message: 'Required' },
          ],
        },
      },
    ],
    [
      'a NOT_FOUND with its issue',
      resolverError(
        new AppError(ErrorCode.NOT_FOUND, 'There is no concept "x".', [
          { path: ['slug'], message: 'no such concept' },
        ]),
      ),
      {
        message: 'There is no concept "x".',
        ...AT_CONCEPT,
        extensions: { code: 'NOT_FOUND', issues: [{ path: ['slug'], message: 'no such concept' }] },
      },
    ],
    [
      'a ConflictError, whose message and extensions carry the current version (no issues: no key)',
      resolverError(new ConflictError('concepts/a', 3, 4)),
      {
        message: 'concepts/a is at version 4, not the expected version 3',
        ...AT_CONCEPT,
        extensions: { code: 'CONFLICT', currentVersion: 4 },
      },
    ],
    [
      'a ConflictError about a document that does not exist',
      resolverError(new ConflictError('concepts/a', 2, null)),
      {
        message: 'concepts/a is at version none (it does not exist), not the expected version 2',
        ...AT_CONCEPT,
        extensions: { code: 'CONFLICT', currentVersion: null },
      },
    ],
    [
      'FULL_SYNC_REQUIRED, pointing at "since"',
      resolverError(fullSyncRequired('The sync token is not valid.')),
      {
        message:
          'The sync token is not valid. Sync from scratch: call again without "since" and replace the local copy.',
        ...AT_CONCEPT,
        extensions: {
          code: 'FULL_SYNC_REQUIRED',
          issues: [{ path: ['since'], message: 'cannot be continued' }],
        },
      },
    ],
    [
      'a FORBIDDEN without issues',
      resolverError(new AppError(ErrorCode.FORBIDDEN, 'Editors cannot publish.')),
      { message: 'Editors cannot publish.', ...AT_CONCEPT, extensions: { code: 'FORBIDDEN' } },
    ],
  ])('%s', (_case, error, expected) => {
    const formatted = apolloFormatted(error as GraphQLError, { stacktrace: true });
    expect(development(formatted, error)).toEqual(expected);
    expect(production(formatted, error)).toEqual(expected);
    expect(logged).toEqual([]);
  });

  it.each(Object.values(ErrorCode))('an AppError with code %s keeps it and its message', (code) => {
    const error = resolverError(new AppError(code, `A safe message about ${code}.`));
    expect(formatError(apolloFormatted(error), error)).toEqual({
      message: `A safe message about ${code}.`,
      ...AT_CONCEPT,
      extensions: { code },
    });
    expect(logged).toEqual([]);
  });
});

describe("GraphQL's own client errors keep their message and code", () => {
  const [unknownField] = validationFailures('{ concept(slug: "a") { slugg } }');
  const [unknownRootField] = validationFailures('{ lessonz { slug } }');
  const [subscription] = validationFailures('subscription { lessons { slug } }', [
    knownOperationTypesRule,
  ]);
  const [enumValue, inputField] = variableFailures(
    'query ($l: Locale, $p: ConceptPatch) { concepts(locale: $l) { totalCount } }',
    { l: 'en', p: { termm: { ko: 'x' } } },
  );
  const [missingVariable] = variableFailures(
    'query ($slug: ID!) { concept(slug: $slug) { slug } }',
    {},
  );

  // [case, error, message in development, message in production, code]
  it.each<[string, GraphQLError, string, string, string]>([
    [
      'a syntax error',
      parseFailure('{ concept('),
      'Syntax Error: Expected Name, found <EOF>.',
      'Syntax Error: Expected Name, found <EOF>.',
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      // The request guard refuses long documents as QUERY_TOO_COMPLEX before they are parsed;
      // the parser's own limit is a backstop whose error stays what it is.
      "graphql-js's token limit",
      parseFailure('{ concept(slug: "a") { slug } }', { maxTokens: 3 }),
      'Syntax Error: Document contains more that 3 tokens. Parsing aborted.', // graphql-js 16's spelling
      'Syntax Error: Document contains more that 3 tokens. Parsing aborted.', // graphql-js 16's spelling
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'an unknown field, with its suggestion only in development',
      unknownField!,
      'Cannot query field "slugg" on type "Concept". Did you mean "slug"?',
      'Cannot query field "slugg" on type "Concept".',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an unknown root field with two suggestions',
      unknownRootField!,
      'Cannot query field "lessonz" on type "Query". Did you mean "lesson" or "lessons"?',
      'Cannot query field "lessonz" on type "Query".',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an operation type the API does not have',
      subscription!,
      'This API has no subscription operations.',
      'This API has no subscription operations.',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      "a variable's enum value spelled wrong",
      enumValue!,
      'Variable "$l" got invalid value "en"; Value "en" does not exist in "Locale" enum. Did you mean the enum value "EN"?',
      'Variable "$l" got invalid value "en"; Value "en" does not exist in "Locale" enum.',
      'BAD_USER_INPUT',
    ],
    [
      "a variable's input field named wrong",
      inputField!,
      'Variable "$p" got invalid value { termm: { ko: "x" } }; Field "termm" is not defined by type "ConceptPatch". Did you mean "term"?',
      'Variable "$p" got invalid value { termm: { ko: "x" } }; Field "termm" is not defined by type "ConceptPatch".',
      'BAD_USER_INPUT',
    ],
    [
      'a required variable left out',
      missingVariable!,
      'Variable "$slug" of required type "ID!" was not provided.',
      'Variable "$slug" of required type "ID!" was not provided.',
      'BAD_USER_INPUT',
    ],
    [
      'a persisted query the server does not have',
      new GraphQLError('PersistedQueryNotFound', {
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      }),
      'PersistedQueryNotFound',
      'PersistedQueryNotFound',
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    [
      'persisted queries turned off',
      new GraphQLError('PersistedQueryNotSupported', {
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      }),
      'PersistedQueryNotSupported',
      'PersistedQueryNotSupported',
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ],
    [
      'a request without a query',
      new GraphQLError(
        'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
        { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
      ),
      'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      'BAD_REQUEST',
    ],
    [
      'an operation name the document does not define',
      new GraphQLError('Unknown operation named "B".', {
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      }),
      'Unknown operation named "B".',
      'Unknown operation named "B".',
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      // src/app.ts: errors of context creation are GraphQLErrors carrying our code
      'the store unavailable while the context is made',
      new GraphQLError('Content is not available right now; retry shortly.', {
        extensions: { code: 'UNAVAILABLE', http: { status: 503 } },
      }),
      'Content is not available right now; retry shortly.',
      'Content is not available right now; retry shortly.',
      'UNAVAILABLE',
    ],
    [
      'a client error with extensions of its own keeps only its code',
      new GraphQLError('Expected a JSON object', {
        extensions: { code: 'BAD_USER_INPUT', detail: 'at bundle.concepts' },
      }),
      'Expected a JSON object',
      'Expected a JSON object',
      'BAD_USER_INPUT',
    ],
  ])('%s', (_case, error, developmentMessage, productionMessage, code) => {
    const formatted = apolloFormatted(error);
    expect(development(formatted, error)).toEqual({
      message: developmentMessage,
      ...where(formatted),
      extensions: { code },
    });
    expect(production(formatted, error)).toEqual({
      message: productionMessage,
      ...where(formatted),
      extensions: { code },
    });
    expect(logged).toEqual([]);
  });

  it('keeps the location of a syntax error and of a variable definition', () => {
    const syntax = parseFailure('{ concept(');
    expect(formatError(apolloFormatted(syntax), syntax).locations).toEqual([
      { line: 1, column: 11 },
    ]);
    // `query ($slug` : the definition starts at column 8
    expect(formatError(apolloFormatted(missingVariable!), missingVariable).locations).toEqual([
      { line: 1, column: 8 },
    ]);
  });
});

describe('client errors graphql-js and Apollo leave without a code get one', () => {
  // 51 bad values: 50 errors about the variable, then one about there being too many.
  const tooManyVariableErrors = variableFailures(
    'query ($s: [ID!]!) { compare(slugs: $s) { title } }',
    { s: Array.from({ length: 51 }, () => true) },
  )[50]!;

  // [case, error, message, code]
  it.each<[string, GraphQLError, string, string]>([
    [
      'the 51st variable error, "too many errors"',
      tooManyVariableErrors,
      'Too many errors processing variables, error limit reached. Execution aborted.',
      // Known by its shape (no code, no cause), not its text: a request error, code BAD_REQUEST.
      'BAD_REQUEST',
    ],
    [
      'a persisted query of an unknown version',
      new GraphQLError('Unsupported persisted query version', {
        extensions: { http: { status: 400 } },
      }),
      'Unsupported persisted query version',
      'BAD_REQUEST',
    ],
    [
      // Apollo's own refusal of a wrong automatic-persisted-query hash (HTTP 400, no code).
      'a persisted query whose hash does not match it',
      new GraphQLError('provided sha does not match query', {
        extensions: { http: { status: 400 } },
      }),
      'provided sha does not match query',
      'BAD_REQUEST',
    ],
    [
      // Any code-less GraphQLError raised outside a resolver is the pipeline describing the
      // request: our code raises AppErrors, never bare GraphQLErrors.
      'a code-less GraphQLError outside any resolver',
      new GraphQLError('Schema is not configured to execute subscription operation.'),
      'Schema is not configured to execute subscription operation.',
      'BAD_REQUEST',
    ],
  ])('%s', (_case, error, message, code) => {
    const formatted = apolloFormatted(error);
    for (const format of [development, production]) {
      expect(format(formatted, error)).toEqual({
        message,
        ...where(formatted),
        extensions: { code },
      });
    }
    expect(logged).toEqual([]);
  });
});

describe('a query over a limit is QUERY_TOO_COMPLEX, its message kept, its limit mark dropped', () => {
  it.each<[string, GraphQLError, RegExp]>([
    [
      'the cost rule',
      validationFailures('{ categories { slug } }', [listCostRule(9)])[0]!,
      /^The query could return more than 9 objects/,
    ],
    [
      'the selection width rule',
      validationFailures('{ categories { slug name order } }', [selectionWidthRule(2)])[0]!,
      /^A selection set holds over 2 fields/,
    ],
    ['graphql-armor, as queryLimits tags it', armorRefusal(true), /depth limit of 1 exceeded/],
  ])('%s', (_case, error, message) => {
    const formatted = apolloFormatted(error);
    expect(formatted.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    for (const format of [development, production]) {
      const result = format(formatted, error);
      expect(result).toEqual({
        message: formatted.message,
        ...where(formatted),
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
      expect(result.message).toMatch(message);
    }
    expect(logged).toEqual([]);
  });
});

describe('anything else is masked as INTERNAL_SERVER_ERROR, logged, and leaks nothing', () => {
  // [case, what the resolver threw (or the error Apollo has), text that must not leave]
  it.each<[string, GraphQLError, string]>([
    [
      'a TypeError in a resolver',
      resolverError(new TypeError("Cannot read properties of undefined (reading 'slug')")),
      'Cannot read properties',
    ],
    [
      'an error naming a file on the server',
      resolverError(new Error("ENOENT: no such file or directory, open '/srv/app/seed/x.json'")),
      '/srv/app',
    ],
    ['a thrown string', resolverError('boom'), 'boom'],
    [
      'a GraphQLError with a code that is not a client code',
      resolverError(
        new GraphQLError('upstream said: token abc123 expired', {
          extensions: { code: 'DOWNSTREAM_FAILED', secret: 'abc123' },
        }),
      ),
      'abc123',
    ],
  ])('%s', (_case, error, secret) => {
    const formatted = apolloFormatted(error, { stacktrace: true });
    for (const format of [development, production]) {
      const result = format(formatted, error);
      expect(result).toEqual({
        message: 'Internal server error',
        ...where(formatted),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(result)).not.toContain(secret);
      expect(JSON.stringify(result)).not.toMatch(/ at |\.ts:|\.js:/);
    }
    // Logged once per formatting (twice here), with the original's message and stack.
    expect(logged).toHaveLength(2);
    for (const line of logged) {
      expect(line.message).toContain(secret);
      expect(line.stack_trace).toContain(secret);
    }
  });

  it('keeps where a masked resolver error happened', () => {
    const error = resolverError(new Error('boom'));
    expect(formatError(apolloFormatted(error), error)).toEqual({
      message: 'Internal server error',
      ...AT_CONCEPT,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
