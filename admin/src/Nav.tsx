import { Link, useRoute } from 'wouter';
import { useWords } from './language.js';
import type { WordKey } from './words/index.js';

// The menu: one entry per screen. An entry is a link (an address), so it opens in a new tab,
// works with the keyboard and says which screen is current.
const ENTRIES: { path: string; label: WordKey }[] = [
  { path: '/', label: 'concepts' },
  { path: '/lessons', label: 'lessons' },
  { path: '/translations', label: 'queue.menu' },
  { path: '/categories', label: 'catalog.categories' },
  { path: '/comparisons', label: 'catalog.comparisons' },
];

/** The console's menu of screens. */
export function Nav() {
  const w = useWords();
  return (
    <nav aria-label={w('navigation')} className="menu">
      <ul>
        {ENTRIES.map((entry) => (
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
