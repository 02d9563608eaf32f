import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Router } from 'wouter';
import { ApiError, onTokenRefused, request } from './api.js';
import { graphql } from './gql/gql.js';
import type { ViewerQuery } from './gql/graphql.js';
import { errorWord, LanguageProvider } from './language.js';
import { Nav } from './Nav.js';
import { Screens } from './Screens.js';
import { SessionProvider, type Session } from './session.js';
import { forgetToken, keepToken, storedToken } from './tokenStorage.js';
import { word, type UiLanguage } from './words/index.js';

const VIEWER = graphql(`
  query Viewer {
    viewer {
      role
      permissions
    }
  }
`);

type Viewer = ViewerQuery['viewer'];

/**
 * The console: sign in with a token, see who you are and what you may do, then work on the
 * screens the menu offers (only the controls the role allows are offered). Addresses under
 * /admin/ name screens, never the token.
 */
export function App() {
  const [language, setLanguage] = useState<UiLanguage>('ko');
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [token, setToken] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const w = (key: Parameters<typeof word>[1]) => word(language, key);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = word(language, 'title');
  }, [language]);

  // A reload keeps the tab's session: check the kept token again.
  useEffect(() => {
    const token = storedToken();
    if (token) void signIn(token);
  }, []);

  // A token refused mid-session (expired, revoked): back to sign-in, saying why.
  useEffect(
    () =>
      onTokenRefused(() => {
        signOut();
        setError('UNAUTHENTICATED');
      }),
    [],
  );

  const session = useMemo<Session | null>(
    () =>
      viewer && {
        token,
        viewer,
        can: (permission) => viewer.permissions.includes(permission),
      },
    [token, viewer],
  );

  async function signIn(token: string) {
    setBusy(true);
    setError(null);
    try {
      const { viewer: found } = await request(token, VIEWER);
      if (found.role === 'ANONYMOUS') throw new ApiError('anonymous', 'ANONYMOUS');
      keepToken(token);
      setToken(token);
      setViewer(found);
    } catch (failure) {
      forgetToken();
      setError(failure instanceof ApiError ? failure.code : 'SERVER');
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = new FormData(event.currentTarget).get('token');
    if (typeof token === 'string' && token.trim() !== '') void signIn(token.trim());
  }

  function signOut() {
    forgetToken();
    setToken('');
    setViewer(null);
  }

  return (
    <LanguageProvider value={language}>
      <Router base="/admin">
        <div className="console">
          <header className="bar">
            <h1>{w('title')}</h1>
            <button
              type="button"
              lang={language === 'ko' ? 'en' : 'ko'}
              title={w('languageLabel')}
              onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')}
            >
              {w('language')}
            </button>
          </header>
          {session ? (
            <SessionProvider value={session}>
              <section aria-labelledby="who" className="who">
                <h2 id="who">
                  {w('signedInAs')}:{' '}
                  <span data-testid="role">{w(`role.${session.viewer.role}`)}</span>
                </h2>
                <button type="button" onClick={signOut}>
                  {w('signOut')}
                </button>
                <details>
                  <summary>{w('permissions')}</summary>
                  <ul>
                    {session.viewer.permissions.map((permission) => (
                      <li key={permission} data-permission={permission}>
                        {w(`permission.${permission}`)}
                      </li>
                    ))}
                  </ul>
                </details>
              </section>
              <Nav />
              <main>
                <Screens />
              </main>
            </SessionProvider>
          ) : (
            <main>
              <form onSubmit={submit} aria-describedby="token-help">
                <label htmlFor="token">{w('tokenLabel')}</label>
                <input id="token" name="token" type="password" autoComplete="off" required />
                <p id="token-help">{w('tokenHelp')}</p>
                {error && (
                  <p role="alert" className="error">
                    {errorWord(language, error)}
                  </p>
                )}
                <button type="submit" disabled={busy}>
                  {busy ? w('signingIn') : w('signIn')}
                </button>
              </form>
            </main>
          )}
        </div>
      </Router>
    </LanguageProvider>
  );
}
