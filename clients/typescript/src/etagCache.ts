/** An answer kept for revalidation: its ETag and body. */
export interface KeptAnswer {
  etag: string;
  body: string;
}

/**
 * The last answer with an ETag per URL, so a repeat GET asks `If-None-Match` and a 304 costs no
 * body. Bounded: the oldest URL is dropped past `limit` (a Map keeps insertion order).
 */
export class EtagCache {
  private readonly answers = new Map<string, KeptAnswer>();

  constructor(private readonly limit = 500) {}

  /** The kept answer of a URL, if any. */
  get(url: string): KeptAnswer | undefined {
    return this.answers.get(url);
  }

  /** Keeps an answer (the newest for its URL). */
  set(url: string, answer: KeptAnswer): void {
    this.answers.delete(url);
    this.answers.set(url, answer);
    if (this.answers.size > this.limit) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }
}
