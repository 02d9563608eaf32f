// The public contracts (schema.graphql, the OpenAPI document) against the released ones in
// contracts/released/: the repository's own check (what CI enforces through this suite), and the
// check itself on changes made on purpose: breaking ones fail unless recorded and announced.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runContractsCommand } from '../../src/cli/contractsCommand.js';
import { checkContracts, type Contracts } from '../../src/contracts/checkContracts.js';
import {
  contractPaths,
  currentContracts,
  intendedAndChangelog,
  releasedContracts,
} from '../../src/contracts/contractFiles.js';
import type { IntendedChange } from '../../src/contracts/intendedChanges.js';
import { projectRoot } from '../../src/paths.js';

const CHANGELOG =
  '# Changelog\n\n## Unreleased\n\n- Concept.summary is gone: use definition.\n\n## 1.0.0\n';
const ANNOUNCED = '- Concept.summary is gone: use definition.';

// The current contracts with one edit: `schema` by text replacement, `openapi` on a copy.
function edited(
  base: Contracts,
  edit: { schema?: [RegExp, string]; openapi?: (doc: any) => void },
): Contracts {
  const schema = edit.schema ? base.schema.replace(...edit.schema) : base.schema;
  if (schema === base.schema && edit.schema) throw new Error(`no match for ${edit.schema[0]}`);
  const openapi = structuredClone(base.openapi) as any;
  edit.openapi?.(openapi);
  return { schema, openapi };
}

const conceptAnswer = (doc: any) =>
  doc.paths['/v1/concepts/{slug}'].get.responses['200'].content['application/json'].schema;

describe('the public contracts of this repository', () => {
  it('have no breaking change against the released ones that is not recorded and announced', async () => {
    const { intended, changelog } = await intendedAndChangelog();
    const report = await checkContracts(
      await releasedContracts(),
      currentContracts(),
      intended,
      changelog,
    );
    // On failure, the unrecorded changes and problems are the message: what to undo or record.
    expect({ unrecorded: report.unrecorded, problems: report.problems }).toEqual({
      unrecorded: [],
      problems: [],
    });
    expect(report.ok).toBe(true);
  });
});

describe('checkContracts', () => {
  const released = currentContracts();
  // The current contracts with Concept.summary removed: a breaking change.
  const withoutConceptSummary = () =>
    edited(released, { schema: [/^(type Concept \{[^}]*?)\n {2}summary: String!/m, '$1'] });

  it('fails on a removed GraphQL field, naming its coordinate', async () => {
    const current = withoutConceptSummary();
    const report = await checkContracts(released, current, [], CHANGELOG);
    expect(report.ok).toBe(false);
    expect(report.unrecorded).toEqual([
      expect.objectContaining({ api: 'graphql', level: 'breaking', where: 'Concept.summary' }),
    ]);
  });

  it('fails on an argument made required, and passes an added field as safe', async () => {
    const required = edited(released, {
      schema: [/search\(query: String!, first: Int,/, 'search(query: String!, first: Int!,'],
    });
    const added = edited(released, {
      schema: [/^type Concept \{/m, 'type Concept {\n  "New."\n  wordCount: Int'],
    });
    const refused = await checkContracts(released, required, [], CHANGELOG);
    expect(refused.unrecorded.map((c) => c.where)).toEqual(['Query.search.first']);
    const accepted = await checkContracts(released, added, [], CHANGELOG);
    expect(accepted.ok).toBe(true);
    expect(accepted.other).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ api: 'graphql', level: 'safe', where: 'Concept.wordCount' }),
      ]),
    );
    expect(accepted.other.every((c) => c.level === 'safe')).toBe(true);
  });

  it('fails on a removed REST operation, a removed answer property and a parameter made required', async () => {
    const current = edited(released, {
      openapi: (doc) => {
        delete doc.paths['/v1/sync'];
        const answer = conceptAnswer(doc);
        delete answer.properties.term;
        answer.required = answer.required.filter((name: string) => name !== 'term');
        const first = doc.paths['/v1/search'].get.parameters.find((p: any) => p.name === 'first');
        first.required = true;
      },
    });
    const report = await checkContracts(released, current, [], CHANGELOG);
    expect(report.ok).toBe(false);
    const found = report.unrecorded.map((c) => `${c.api} ${c.where}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'rest paths./v1/sync.get',
        'rest paths./v1/concepts/{slug}.get.responses.200.content.application/json.schema.properties.term',
        expect.stringMatching(/^rest paths\.\/v1\/search\.get\.parameters\.\d+\.required$/),
      ]),
    );
    expect(report.unrecorded.every((c) => c.level === 'breaking')).toBe(true);
  });

  it('passes a breaking change recorded as intended and announced under Unreleased', async () => {
    const current = withoutConceptSummary();
    const record: IntendedChange = {
      api: 'graphql',
      where: 'Concept.summary',
      changelog: ANNOUNCED,
    };
    const report = await checkContracts(released, current, [record], CHANGELOG);
    expect(report).toMatchObject({ ok: true, unrecorded: [], problems: [] });
    expect(report.intended.map((c) => c.where)).toEqual(['Concept.summary']);
  });

  it('refuses a record without its changelog line, or one that matches no breaking change', async () => {
    const current = withoutConceptSummary();
    const record: IntendedChange = {
      api: 'graphql',
      where: 'Concept.summary',
      changelog: ANNOUNCED,
    };
    // Announced under a released heading, not under Unreleased: not announced.
    const released100 = '# Changelog\n\n## Unreleased\n\n## 1.0.0\n\n' + ANNOUNCED + '\n';
    const unannounced = await checkContracts(released, current, [record], released100);
    expect(unannounced.ok).toBe(false);
    expect(unannounced.problems).toEqual([expect.stringContaining('is not announced')]);
    const stale = await checkContracts(released, released, [record], CHANGELOG);
    expect(stale.ok).toBe(false);
    expect(stale.problems).toEqual([expect.stringContaining('matches no breaking change')]);
  });
});

describe('npm run contracts', () => {
  let root: string;
  const output = () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    return { stream, text: () => text };
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'contracts-'));
    await cp(join(projectRoot(), 'contracts'), join(root, 'contracts'), { recursive: true });
    await cp(join(projectRoot(), 'CHANGELOG.md'), join(root, 'CHANGELOG.md'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('exits 0 on the repository, and 1 naming the change when the release had more', async () => {
    const out = output();
    expect(await runContractsCommand(['check'], { out: out.stream, err: out.stream }, root)).toBe(
      0,
    );
    expect(out.text()).toContain('no unrecorded breaking change');

    // A release that had a query this code no longer serves: its removal is breaking.
    const { releasedSchema } = contractPaths(root);
    const schema = await readFile(releasedSchema, 'utf8');
    await writeFile(
      releasedSchema,
      schema.replace('type Query {', 'type Query {\n  legacyConcepts: [Concept!]!'),
    );
    const failed = output();
    expect(await runContractsCommand([], { out: failed.stream, err: failed.stream }, root)).toBe(1);
    expect(failed.text()).toContain('graphql Query.legacyConcepts');
    expect(failed.text()).toContain('the check FAILED');
  });

  it('refuses unknown commands with its usage (exit 2)', async () => {
    const err = output();
    expect(await runContractsCommand(['publish'], { out: err.stream, err: err.stream }, root)).toBe(
      2,
    );
    expect(err.text()).toContain('usage: npm run contracts');
  });
});
