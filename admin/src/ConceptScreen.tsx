import { Link, Route, Switch, useRoute } from 'wouter';
import { ConceptEditor } from './ConceptEditor.js';
import { ConceptHistory } from './history/ConceptHistory.js';
import { useWords } from './language.js';
import { ConceptPublishing } from './publishing/ConceptPublishing.js';
import { ConceptRelations } from './relations/ConceptRelations.js';
import type { WordKey } from './words/index.js';

// A concept's tabs: each is an address under the concept (`/concepts/encoder/history`).
const TABS: { path: string; label: WordKey }[] = [
  { path: '/', label: 'tab.edit' },
  { path: '/publish', label: 'tab.publish' },
  { path: '/relations', label: 'tab.relations' },
  { path: '/history', label: 'tab.history' },
];

/** One concept: its tabs (editing first) and the one the address names. */
export function ConceptScreen(props: { slug: string }) {
  const w = useWords();
  return (
    <>
      <p>
        <Link href="~/">{w('back')}</Link>
      </p>
      <nav aria-label={props.slug} className="tabs">
        <ul>
          {TABS.map((tab) => (
            <Tab key={tab.path} path={tab.path} label={w(tab.label)} />
          ))}
        </ul>
      </nav>
      <Switch>
        <Route path="/">
          <ConceptEditor slug={props.slug} />
        </Route>
        <Route path="/publish">
          <ConceptPublishing slug={props.slug} />
        </Route>
        <Route path="/relations">
          <ConceptRelations slug={props.slug} />
        </Route>
        <Route path="/history">
          <ConceptHistory slug={props.slug} />
        </Route>
      </Switch>
    </>
  );
}

function Tab(props: { path: string; label: string }) {
  const [current] = useRoute(props.path);
  return (
    <li>
      <Link href={props.path} aria-current={current ? 'page' : undefined}>
        {props.label}
      </Link>
    </li>
  );
}
