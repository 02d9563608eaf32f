import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from './api.js';
import { graphql } from './gql/gql.js';
import type { ViewerQuery } from './gql/graphql.js';
import { texts, type UiLanguage } from './i18n.js';
import { forgetToken, keepToken, storedToken } from './session.js';
import { ConceptEditor } from './ConceptEditor.js';
import { ConceptList } from './ConceptList.js';
import { NewConcept } from './NewConcept.js';

type Screen = { name: 'list' } | { name: 'concept'; slug: string } | { name: 'new' };

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
 * The console: sign in with a token, see who you are and what you may do, then browse, create,
 * edit and publish concepts (only the controls the role allows are offered).
 */
export function App() {
  const [language, setLanguage] = useState<UiLanguage>('ko');
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [token, setToken] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [screen, setScreen] = useState<Screen>({ name: 'list' });
  const t = texts(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.title;
  }, [language, t.title]);

  // A reload keeps the tab's session: check the kept token again.
  useEffect(() => {
    const token = storedToken();
    if (token) void signIn(token);
  }, []);

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
    setScreen({ name: 'list' });
  }

  return (
    <div className="console">
      <header className="bar">
        <h1>{t.title}</h1>
        <button
          type="button"
          lang={language === 'ko' ? 'en' : 'ko'}
          title={t.languageLabel}
          onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')}
        >
          {t.language}
        </button>
      </header>
      <main>
        {viewer ? (
          <>
            <section aria-labelledby="who" className="who">
              <h2 id="who">
                {t.signedInAs}: <span data-testid="role">{t.role(viewer.role)}</span>
              </h2>
              <details>
                <summary>{t.permissions}</summary>
                <ul>
                  {viewer.permissions.map((permission) => (
                    <li key={permission} data-permission={permission}>
                      {t.permission(permission)}
                    </li>
                  ))}
                </ul>
              </details>
              <button type="button" onClick={signOut}>
                {t.signOut}
              </button>
            </section>
            {screen.name === 'list' && (
              <ConceptList
                token={token}
                language={language}
                canCreate={viewer.permissions.includes('CREATE_DRAFT')}
                onOpen={(slug) => setScreen({ name: 'concept', slug })}
                onNew={() => setScreen({ name: 'new' })}
              />
            )}
            {screen.name === 'concept' && (
              <ConceptEditor
                key={screen.slug}
                slug={screen.slug}
                token={token}
                language={language}
                canPublish={viewer.permissions.includes('PUBLISH')}
                onBack={() => setScreen({ name: 'list' })}
              />
            )}
            {screen.name === 'new' && (
              <NewConcept
                token={token}
                language={language}
                onCreated={(slug) => setScreen({ name: 'concept', slug })}
                onBack={() => setScreen({ name: 'list' })}
              />
            )}
          </>
        ) : (
          <form onSubmit={submit} aria-describedby="token-help">
            <label htmlFor="token">{t.tokenLabel}</label>
            <input id="token" name="token" type="password" autoComplete="off" required />
            <p id="token-help">{t.tokenHelp}</p>
            {error && (
              <p role="alert" className="error">
                {t.error(error)}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {busy ? t.signingIn : t.signIn}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
