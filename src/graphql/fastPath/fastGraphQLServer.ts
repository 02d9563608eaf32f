import {
  ApolloServer,
  HeaderMap,
  type ApolloServerOptions,
  type ApolloServerPlugin,
  type ContextThunk,
  type HTTPGraphQLRequest,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import {
  execute,
  getOperationAST,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { PublicLifetimes } from '../../http/httpCaching.js';
import type { GraphQLContext } from '../context.js';
import { GRAPHQL_VARY, graphqlCacheControl } from '../httpCachePlugin.js';
import { withLocaleExtension } from '../localePlugin.js';
import { noteOperation } from '../operationLogPlugin.js';
import {
  compileQuery,
  ownResolvers,
  type CompiledQuery,
  type FieldResolvers,
} from './compiledQuery.js';
import { isFastEligible } from './fastEligibility.js';
import { plainGraphQLRequest, type PlainGraphQLRequest } from './graphqlHttpRequest.js';
import { KnownDocuments } from './knownDocuments.js';

/** What the fast path keeps of a document Apollo validated: its operations, judged once each. */
interface PreparedDocument {
  document: DocumentNode;
  /** By operation name as asked for (undefined: the only one); null when left to Apollo. */
  operations: Map<string | undefined, FastOperation | null>;
}

/** An operation the fast path answers: compiled, or run by graphql-js when it cannot be. */
interface FastOperation {
  operation: OperationDefinitionNode;
  compiled: CompiledQuery | undefined;
}

/** What the fast path needs besides Apollo's own options. */
export interface FastPathOptions {
  schema: GraphQLSchema;
  /** The default max-age of Apollo's cache-control plugin (the policy of a plain query). */
  defaultMaxAge: number;
  lifetimes: PublicLifetimes;
}

/**
 * Apollo Server with a fast path for the common request: a query whose document Apollo has
 * already validated, which reaches no field with a cache hint, and whose execution raises no
 * error. Such a request is answered here without Apollo's request pipeline (its plugin hooks,
 * promises, schema instrumentation and per-field cache-control accounting, which cost more than
 * the execution itself), doing exactly what the pipeline and our plugins would do for it: the
 * context, the snapshot once the operation is known (snapshotPlugin), the log's operation
 * (operationLogPlugin), the cache policy (Apollo's cache-control plugin with no hint on the way
 * is the default max-age, public), Cache-Control and Vary (httpCachePlugin), the locale
 * extension (localePlugin), and Apollo's content negotiation and serialization. Everything
 * else, and any request whose execution reports an error, is answered by Apollo from the start
 * (queries only read the request's snapshot, so running one again changes nothing): errors are
 * formatted, coded and logged in one place only. tests/integration/fastGraphQLPath.test.ts
 * compares both paths' answers byte for byte.
 */
export class FastGraphQLServer extends ApolloServer<GraphQLContext> {
  private readonly known: KnownDocuments<PreparedDocument>;
  private readonly lifecycle: { running: boolean };
  private readonly resolvers: FieldResolvers;

  constructor(
    config: ApolloServerOptions<GraphQLContext>,
    private readonly fast: FastPathOptions,
  ) {
    const known = new KnownDocuments<PreparedDocument>((document) => ({
      document,
      operations: new Map(),
    }));
    // The fast path answers only while Apollo runs (after a stop, Apollo refuses every request).
    const lifecycle = { running: false };
    const running: ApolloServerPlugin<GraphQLContext> = {
      serverWillStart: () => {
        lifecycle.running = true;
        return Promise.resolve({
          serverWillStop: () => {
            lifecycle.running = false;
            return Promise.resolve();
          },
        });
      },
    };
    super({ ...config, plugins: [...(config.plugins ?? []), known.plugin(), running] });
    this.resolvers = ownResolvers(fast.schema);
    this.known = known;
    this.lifecycle = lifecycle;
  }

  override async executeHTTPGraphQLRequest(request: {
    httpGraphQLRequest: HTTPGraphQLRequest;
    context: ContextThunk<GraphQLContext>;
  }): Promise<HTTPGraphQLResponse> {
    const answer = await this.answerKnown(request.httpGraphQLRequest, request.context);
    return answer ?? super.executeHTTPGraphQLRequest(request);
  }

  /**
   * The answer to a request the fast path takes (what Apollo would answer, as an HTTP response
   * with no status: 200), or undefined for Apollo to answer it. Touches nothing of the HTTP
   * response, so a request it leaves can go on to Apollo as if it had never been tried.
   */
  async answerKnown(
    http: HTTPGraphQLRequest,
    context: ContextThunk<GraphQLContext>,
  ): Promise<HTTPGraphQLResponse | undefined> {
    if (!this.lifecycle.running) return undefined;
    const request = plainGraphQLRequest(http);
    if (!request) return undefined;
    // A persisted query's document is read where Apollo reads it (its cache, `apq:` + hash).
    const query = request.persistedHash
      ? await this.cache.get(`apq:${request.persistedHash}`)
      : request.query;
    const prepared = query === undefined ? undefined : this.known.get(query);
    if (!prepared) return undefined;
    const fast = this.operationOf(prepared, request.operationName);
    if (!fast) return undefined;
    let contextValue: GraphQLContext;
    try {
      // A copy, as Apollo gives resolvers (its methods work on `this`).
      const made = await context();
      // The door ran this request already and left it to Apollo: running it again would only
      // fail again (an execution that reports an error is Apollo's to answer).
      if (made.fastPathDeclined) return undefined;
      contextValue = Object.assign(
        Object.create(Object.getPrototypeOf(made) as object | null) as GraphQLContext,
        made,
      );
      noteOperation(contextValue, fast.operation);
      await contextValue.loadSnapshot();
    } catch {
      return undefined; // Apollo makes the context again and answers the failure its way.
    }
    // Only graphql-js's execution may return a promise (a native one: it makes it with
    // Promise.all), so a compiled one is not awaited (a tick less per answer).
    const ran = this.run(fast, prepared.document, contextValue, request);
    const result = ran instanceof Promise ? await ran : ran;
    if (!result || ('errors' in result && result.errors?.length)) return undefined;
    const extensions = withLocaleExtension(undefined, contextValue);
    const headers = new HeaderMap([
      ['vary', GRAPHQL_VARY],
      [
        'cache-control',
        graphqlCacheControl(
          {
            hasErrors: false,
            publicMaxAge: this.fast.defaultMaxAge,
            viewerRole: contextValue.viewer?.role,
          },
          this.fast.lifetimes,
        ),
      ],
      ['content-type', request.contentType],
    ]);
    // Apollo's body: errors, data and extensions in this order, then a newline.
    const body = JSON.stringify({ errors: undefined, data: result.data, extensions }) + '\n';
    return { headers, body: { kind: 'complete', string: body } };
  }

  // Executes an operation the fast path takes: compiled, else by graphql-js.
  private run(
    fast: FastOperation,
    document: DocumentNode,
    contextValue: GraphQLContext,
    request: PlainGraphQLRequest,
  ) {
    return fast.compiled
      ? fast.compiled.run(contextValue, request.variables)
      : execute({
          schema: this.fast.schema,
          document,
          contextValue,
          variableValues: request.variables,
          operationName: request.operationName,
        });
  }

  private operationOf(prepared: PreparedDocument, name: string | undefined): FastOperation | null {
    let fast = prepared.operations.get(name);
    if (fast === undefined) {
      const found = getOperationAST(prepared.document, name);
      // Names the document does not have are not kept: a client could send any number.
      if (!found) return null;
      fast = isFastEligible(this.fast.schema, prepared.document, found)
        ? {
            operation: found,
            compiled: compileQuery(this.fast.schema, prepared.document, found, this.resolvers),
          }
        : null;
      prepared.operations.set(name, fast);
    }
    return fast;
  }
}
