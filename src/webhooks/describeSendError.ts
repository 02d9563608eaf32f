import { types } from 'node:util';

// Receivers' failures are shown to admins in delivery listings: each is said in words, on one
// line, without a stack, and with nothing longer than a short excerpt of what the receiver sent.

const MAX_EXCERPT = 200;

/** One line of at most MAX_EXCERPT characters of receiver-supplied text (control characters blanked). */
export function excerpt(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > MAX_EXCERPT ? `${line.slice(0, MAX_EXCERPT)}…` : line;
}

// request-filtering-agent's refusal: "DNS lookup 127.0.0.1(family:4, host:localhost) is not
// allowed. Because, ..." (family and host are "undefined" for a literal IP address).
const FILTERED = /^DNS lookup (\S+)\(family:[^,]*, host:([^)]*)\) is not allowed/;

const TLS_CODES =
  /^(EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

const OPENSSL_REASON = /error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:]+)/;

/**
 * Why a request to a receiver failed before a complete answer came (a refused address, DNS,
 * connection, TLS), in words; `host` is the URL's host, named where it helps.
 */
export function describeSendError(error: unknown, host: string): string {
  // isNativeError as well as instanceof: an error made in Node's own realm fails instanceof in
  // another (a vm context, as under jest), and would lose its code.
  const err: Error & { code?: unknown } =
    types.isNativeError(error) || error instanceof Error ? error : new Error(String(error));
  const message = excerpt(err.message);
  const filtered = FILTERED.exec(err.message);
  if (filtered) {
    const [, address, name] = filtered;
    const who = name && name !== 'undefined' ? `${name} resolves to ${address}, which` : address;
    return `refused: ${who} is not a public address (private, loopback, link-local or reserved)`;
  }
  const code = typeof err.code === 'string' ? err.code : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ENOTFOUND':
      return `could not resolve ${host}: no such host`;
    case 'EAI_AGAIN':
      return `could not resolve ${host}: DNS lookup failed (temporary)`;
    case 'ECONNRESET':
      return `the connection to ${host} was reset before a complete answer (${message})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `could not reach ${host} (${code})`;
  }
  if (TLS_CODES.test(code)) {
    // OpenSSL's messages carry a library dump ("error:0A00010B:SSL routines:fn:reason:file:line");
    // its reason is what an admin can act on.
    const reason = OPENSSL_REASON.exec(err.message)?.[1] ?? message;
    return `TLS error with ${host} (${code}): ${excerpt(reason)}`;
  }
  return code
    ? `request to ${host} failed (${code}): ${message}`
    : `request to ${host} failed: ${message}`;
}

/**
 * Why a complete answer is a failure, or null for a 2xx. A redirect is not followed (it could
 * point anywhere, including inside our network), so it is a failure naming where it pointed.
 */
export function describeStatus(
  statusCode: number,
  location: string | undefined,
  body: string,
): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode >= 300 && statusCode < 400) {
    const target = location ? `to ${excerpt(location)}` : 'without a Location';
    return `the receiver answered HTTP ${statusCode}, a redirect ${target}; redirects are not followed`;
  }
  const said = excerpt(body);
  return `the receiver answered HTTP ${statusCode}${said ? `: ${said}` : ''}`;
}
