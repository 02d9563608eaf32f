// Jest global setup: builds the admin console (as `npm run build` does, its operations typed
// from schema.graphql first) and the GraphQL explorer once before any suite runs, so the browser
// suites, which run in parallel, all serve the same dist/admin and dist/explorer and none
// rebuilds them under another.
import { execFileSync } from 'node:child_process';

export default function buildConsole() {
  execFileSync('npm', ['run', '--silent', 'build:admin'], { stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'build:explorer'], { stdio: 'inherit' });
}
