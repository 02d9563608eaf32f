import { isIP } from 'node:net';
import { isPublicAddress } from './publicAddress.js';

/** The longest webhook URL accepted (the domain schema's limit). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Whether receivers on this machine or its network may be called (development and tests only). */
export interface NetworkPolicy {
  allowPrivateNetwork: boolean;
}

/** A URL's host without IPv6 brackets or a trailing root dot: the form addresses are checked in. */
function bareHost(url: URL): string {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/**
 * The checks made before every send, on the URL alone: the scheme (https only, unless private
 * networks are allowed), no credentials, and no literal non-public IP address. Returns why the
 * URL is refused, or null. Hostnames are not judged here: what they resolve to is checked when
 * connecting (see sendWebhook), which is the only check a DNS rebinding cannot get past.
 */
export function checkTargetUrl(url: string, policy: NetworkPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `the scheme ${parsed.protocol} is not allowed: use https`;
  }
  if (parsed.protocol === 'http:' && !policy.allowPrivateNetwork) {
    // Deliveries carry signed content events: plain http would expose them to anyone on the path.
    return 'plain http is not allowed: use https';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    // Credentials in a URL end up in logs and delivery listings; receivers authenticate us by signature.
    return 'credentials in the URL are not allowed';
  }
  const host = bareHost(parsed);
  if (isIP(host) !== 0 && !policy.allowPrivateNetwork && !isPublicAddress(host)) {
    return `the address ${host} is not public (private, loopback, link-local or reserved)`;
  }
  return null;
}

/**
 * Whether a URL may be registered as a webhook: null when acceptable, else why not, in words
 * an admin can act on. Beyond the checks made before every send (checkTargetUrl), refuses
 * over-long URLs and, unless private networks are allowed, names that can only be local
 * (`localhost`, `*.localhost`, `*.local`, `*.internal`, single-label names), so a mistake is
 * reported at registration rather than as failed deliveries later. Public-looking names are
 * still checked at every connection, whatever they resolve to then.
 */
export function checkWebhookUrl(url: string, policy: NetworkPolicy): string | null {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    return `longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  }
  const targetProblem = checkTargetUrl(url, policy);
  if (targetProblem !== null || policy.allowPrivateNetwork) return targetProblem;
  const host = bareHost(new URL(url)).toLowerCase();
  if (isIP(host) === 0 && isLocalName(host)) {
    return `the host ${host} is not a public name`;
  }
  return null;
}

function isLocalName(host: string): boolean {
  return (
    !host.includes('.') ||
    host === 'localhost' ||
    ['.localhost', '.local', '.internal'].some((suffix) => host.endsWith(suffix))
  );
}
