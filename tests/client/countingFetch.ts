/** One request a counting fetch saw, and the status it got. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
}

/** A fetch that records every request it passes on (to count 304s, hashes, retries). */
export function countingFetch(): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seen.push({
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: { ...(init?.headers as Record<string, string>) },
      status: response.status,
    });
    return response;
  };
  return { fetch: wrapped, seen };
}
