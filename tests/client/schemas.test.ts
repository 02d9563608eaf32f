// `@llm-course/client/schemas` used as apps use it, against the real function: an admin app
// checks a concept before `createConcept` (what the schema accepts the API creates, what it
// refuses the API refuses at the same path), a subscriber validates a real webhook delivery
// (and refuses a forged one), and a reader checks slugs and locales from its routes.
import {
  changeEventDeliverySchema,
  conceptInputSchema,
  localeSchema,
  slugSchema,
} from '../../clients/typescript/src/schemas.js';
import { createClient } from '../../clients/typescript/src/index.js';
import { conceptToRefresh } from '../../clients/typescript/examples/webhookDelivery.js';
import { as, draftInput, outcome } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { pollUntil } from '../helpers/pollUntil.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';
import { startReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.js';

const CREATE = 'mutation($i: ConceptInput!) { createConcept(input: $i) { slug version } }';

let served: Awaited<ReturnType<typeof serveApi>>;
let receiver: WebhookReceiver;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
  receiver = await startReceiver();
}, 60_000);
afterAll(async () => {
  await served?.close();
  await receiver?.close();
});

describe("the client's exported schemas", () => {
  it('check an admin form as the API does: accepted and created, or refused at the same path', async () => {
    const form = draftInput('schema-checked');
    expect(conceptInputSchema.safeParse(form).success).toBe(true);
    const created = await as('admin', served.url, CREATE, { i: form });
    expect(created.errors).toBeUndefined();
    expect(created.data.createConcept).toEqual({ slug: 'schema-checked', version: 1 });

    const bad = { ...form, slug: 'Schema Checked', summary: { ko: '' } };
    const checked = conceptInputSchema.safeParse(bad);
    expect(checked.success).toBe(false);
    const refused = await as('admin', served.url, CREATE, { i: bad });
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    const pathsOf = (issues: { path: PropertyKey[] }[]) => issues.map(({ path }) => path).sort();
    expect(pathsOf(refused.errors![0]!.extensions!.issues as { path: PropertyKey[] }[])).toEqual(
      // The API names the argument the input came in.
      pathsOf(checked.error!.issues.map(({ path }) => ({ path: ['input', ...path] }))),
    );
  });

  it('validate a real webhook delivery, and refuse a forged one', async () => {
    const created = await as(
      'admin',
      served.url,
      'mutation($i: WebhookInput!) { createWebhook(input: $i) { secret } }',
      { i: { url: receiver.url, events: ['concept.created'] } },
    );
    expect(created.errors).toBeUndefined();
    expect((await as('admin', served.url, CREATE, { i: draftInput('schema-hooked') })).errors).toBe(
      undefined,
    );
    const [delivery] = await pollUntil(
      () => Promise.resolve(receiver.received),
      (received) => received.length > 0,
      { timeoutMs: 10_000 },
    );
    expect(conceptToRefresh(delivery!.body)).toBe('schema-hooked');
    const payload = changeEventDeliverySchema.parse(JSON.parse(delivery!.body));
    expect(payload).toMatchObject({
      type: 'concept.created',
      data: { type: 'concept', action: 'created', documentId: 'schema-hooked' },
    });
    const forged = { ...payload, data: { ...payload.data, action: 'renamed' } };
    expect(changeEventDeliverySchema.safeParse(forged).success).toBe(false);
    expect(() => conceptToRefresh(JSON.stringify(forged))).toThrow();
    const padded = { ...payload, data: { ...payload.data, content: 'smuggled' } };
    expect(changeEventDeliverySchema.safeParse(padded).success).toBe(false);
  });

  it('check slugs and locales from an app: the API’s slugs pass, others do not', async () => {
    const { items } = await createClient({ url: served.url }).get('/v1/lessons', {});
    expect(items.length).toBeGreaterThan(0);
    for (const { slug } of items) expect(slugSchema.parse(slug)).toBe(slug);
    expect(slugSchema.safeParse('../etc/passwd').success).toBe(false);
    expect(localeSchema.parse('ko')).toBe('ko');
    expect(localeSchema.safeParse('fr').success).toBe(false);
  });
});
