import { Link, useRoute } from 'wouter';
import { useWords } from './language.js';
import { useSession, type Session } from './session.js';
import type { WordKey } from './words/index.js';

// The menu: one entry per screen. An entry is a link (an address), so it opens in a new tab,
// works with the keyboard and says which screen is current. An entry with a `permission` is
// shown only to roles the API allows it (the screen checks again, and so does the API).
const ENTRIES: { path: string; label: WordKey; permission?: Parameters<Session['can']>[0] }[] = [
  { path: '/', label: 'concepts' },
  { path: '/lessons', label: 'lessons' },
  { path: '/translations', label: 'queue.menu' },
  { path: '/categories', label: 'catalog.categories' },
  { path: '/comparisons', label: 'catalog.comparisons' },
  { path: '/import', label: 'import.nav', permission: 'IMPORT' },
];

/** The console's menu of screens. */
export function Nav() {
  const w = useWords();
  const { can } = useSession();
  return (
    <nav aria-label={w('navigation')} className="menu">
      <ul>
        {ENTRIES.filter((entry) => !entry.permission || can(entry.permission)).map((entry) => (
          <NavEntry key={entry.path} path={entry.path} label={w(entry.label)} />
        ))}
      </ul>
    </nav>
  );
}

function NavEntry(props: { path: string; label: string }) {
  // A screen's entry stays current on its sub-pages (a concept is under Concepts).
  const [exact] = useRoute(props.path);
  const [nested] = useRoute(props.path === '/' ? '/concepts/*?' : `${props.path}/*?`);
  return (
    <li>
      <Link href={props.path} aria-current={exact || nested ? 'page' : undefined}>
        {props.label}
      </Link>
    </li>
  );
}
