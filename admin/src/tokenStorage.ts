// The bearer token lives in this tab's sessionStorage only: never in a URL or localStorage, gone
// when the tab closes or the user signs out.
const KEY = 'llm-course-console.token';

/** The token of this tab's session, if signed in. */
export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Keeps the token for this tab. */
export function keepToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

/** Signs out: the token is forgotten. */
export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
