import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.js';
import { logUnexpected } from '../observability/logUnexpected.js';

// Codes of errors caused by the client's request: their messages are safe and useful to show.
const CLIENT_ERROR_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

// graphql-js ends a message with its guesses at what the client meant: `Did you mean "slug"?`.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * Apollo's `formatError`, built for a configuration: with `hideSuggestions` (production) every
 * message loses graphql-js's "Did you mean …?" guesses. Apollo's own option only strips those of
 * validation errors; the errors of coercing variables (`Value "en" does not exist in "Locale"
 * enum. Did you mean the enum value "EN"?`) and of input fields named wrong kept theirs, which
 * spell out the schema that production hides.
 */
export function createFormatError(options: {
  hideSuggestions: boolean;
}): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (!options.hideSuggestions) return formatError;
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return SUGGESTION.test(result.message)
      ? { ...result, message: result.message.replace(SUGGESTION, '') }
      : result;
  };
}

/**
 * Apollo's `formatError`: our AppErrors keep their message, code and issue paths; GraphQL's
 * own client errors keep their message and code; anything else is masked as
 * INTERNAL_SERVER_ERROR and logged. No stack trace or file path ever leaves the server.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof AppError) {
    const extensions = {
      code: original.code,
      ...(original.issues.length > 0 ? { issues: original.issues } : {}),
      ...original.details,
    };
    return { message: original.message, ...where, extensions };
  }
  // A query over a limit: our rules and graphql-armor's (see queryLimits) mark their refusals
  // with `limit`, which survives Apollo's re-coding of validation errors.
  if (formatted.extensions?.limit !== undefined) {
    return {
      message: formatted.message,
      ...where,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  // A GraphQLError with no code that wraps no other error is graphql-js or Apollo describing the
  // request (an unsupported persisted-query version or a wrong hash, too many bad variables):
  // not a crash. Failures inside resolvers always wrap the error they caught (`originalError`),
  // so they are masked below; our own code raises AppErrors, never a bare GraphQLError.
  // (Apollo's formatted copy says INTERNAL_SERVER_ERROR for any code-less error: read the original.)
  if (
    original instanceof GraphQLError &&
    original.originalError == null &&
    original.extensions.code === undefined
  ) {
    return { message: formatted.message, ...where, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  logUnexpected(original);
  return {
    message: 'Internal server error',
    ...where,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
