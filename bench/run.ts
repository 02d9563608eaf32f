// `npm run bench [-- scenario…]`: runs benchmark scenarios and prints their tables (markdown).
// Not part of `npm test`: figures are ratios measured in one run, recorded in bench/README.md.
import { boundsBench } from './bounds.bench.js';
import { coldStartBench } from './coldStart.bench.js';
import { requestLogBench } from './requestLog.bench.js';
import { scaleBench } from './scale.bench.js';
import { searchBench } from './search.bench.js';
import { soakBench } from './soak.bench.js';
import { throughputBench } from './throughput.bench.js';

const SCENARIOS: Record<string, () => Promise<string>> = {
  search: searchBench,
  throughput: throughputBench,
  'cold-start': coldStartBench,
  soak: soakBench,
  bounds: boundsBench,
  'request-log': requestLogBench,
  scale: scaleBench,
};
// Run only when named: the scale scenario takes many minutes (and much memory) at 300×.
const ON_DEMAND = new Set(['scale']);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SCENARIOS));
if (unknown.length > 0) {
  console.error(
    `unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`,
  );
  process.exit(2);
}
const chosen =
  wanted.length > 0 ? wanted : Object.keys(SCENARIOS).filter((name) => !ON_DEMAND.has(name));
for (const name of chosen) {
  console.log(`## ${name}\n\n${await SCENARIOS[name]!()}\n`);
}
