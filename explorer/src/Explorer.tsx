import { GraphiQL } from 'graphiql';
import { buildSchema, parse, print } from 'graphql';
import { useMemo, useRef, useState } from 'react';
import schemaText from '../../schema.graphql?raw';
import { EXPLORER_EXAMPLES } from './examples.js';
import { apiFetcher, type RequestOptions } from './fetcher.js';

// The schema ships with the page: the explorer works where introspection is off (production)
// and never needs a network beyond this API.
const schema = buildSchema(schemaText);

const LANGUAGES = [
  { value: '', label: 'Locale: as the browser asks' },
  { value: 'ko', label: 'Locale: 한국어 (ko)' },
  { value: 'en', label: 'Locale: English (en)' },
];

const tabs = EXPLORER_EXAMPLES.map((example) => ({
  query: `query ${example.name} ${print(parse(example.query))}`,
}));

/**
 * GraphiQL on this API: the README's examples as tabs, the public schema for completion and docs,
 * a locale switch (Accept-Language) and a bearer token held in this tab's memory only (never in
 * a URL or in storage; GraphiQL's own storage is the tab's sessionStorage).
 */
export function Explorer() {
  const [token, setToken] = useState('');
  const [language, setLanguage] = useState('');
  const options = useRef<RequestOptions>({ token, language });
  options.current = { token, language };
  const fetcher = useMemo(() => apiFetcher(() => options.current), []);
  return (
    <div className="explorer">
      <header className="explorer-bar">
        <strong>LLM course content API</strong>
        <label>
          <span className="visually-hidden">Locale</span>
          <select
            aria-label="Locale"
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
          >
            {LANGUAGES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Bearer token</span>
          <input
            type="password"
            autoComplete="off"
            placeholder="editor or admin token (optional)"
            value={token}
            onChange={(event) => setToken(event.target.value.trim())}
          />
        </label>
        <span className="explorer-note">
          {token
            ? 'Requests carry your token (kept in this tab only).'
            : 'Anonymous: published content.'}
        </span>
      </header>
      <div className="explorer-body">
        <GraphiQL
          fetcher={fetcher}
          schema={schema}
          defaultTabs={tabs}
          storage={sessionStorage}
          shouldPersistHeaders={false}
          defaultEditorToolsVisibility={false}
        />
      </div>
    </div>
  );
}
