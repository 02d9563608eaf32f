// Jest global setup: builds the admin console once (as `npm run build` does, its operations
// typed from schema.graphql first) before any suite runs, so the browser suites, which run in
// parallel, all serve the same dist/admin and none rebuilds it under another.
import { execFileSync } from 'node:child_process';

export default function buildConsole() {
  execFileSync('npm', ['run', '--silent', 'build:admin'], { stdio: 'inherit' });
}
