// OfflineLesson's `touches` on what the sync pages say about lessons: a held concept lists the
// lessons teaching it, so a lesson starting or ceasing to teach one, or deleted while teaching
// one, changes the bundle; a lesson edit that changes no teaching does not. A real bundle and
// page of the function, with the lesson entries (and one copy) changed as such edits would.
import {
  createClient,
  touches,
  type ChangePage,
  type Client,
} from '../../clients/typescript/src/index.js';
import { serveApi } from '../helpers/httpServer.js';

let server: Awaited<ReturnType<typeof serveApi>>;
let client: Client;
beforeAll(async () => {
  server = await serveApi({});
  client = createClient({ url: server.url });
}, 60_000);
afterAll(() => server?.close());

it('counts a lesson starting, ceasing or deleted while teaching a held concept, and nothing else', async () => {
  const bundle = await client.get('/v1/lessons/{slug}/bundle', {
    path: { slug: 'introduction-to-llms' },
    query: { locales: 'en' },
  });
  const idle: ChangePage = await client.get('/v1/sync', {
    query: { locale: 'en', since: bundle.syncToken },
  });
  expect(touches(bundle, 'en', idle)).toBe(false);
  // Another lesson (the seed has one lesson): the entry a sync page carries, renamed.
  const whole = await client.get('/v1/sync', { query: { locale: 'en', first: 1000 } });
  const other = 'another-lesson';
  const entry = {
    ...whole.lessons.find((l) => l.slug === bundle.slug)!,
    slug: other,
    concepts: [],
  };
  const [shared] = bundle.content.en!.concepts.map((concept) => concept.slug);
  const page = (changes: Partial<ChangePage>): ChangePage => ({ ...idle, ...changes });
  const deleted = page({ deleted: [{ type: 'lesson', id: other }] });
  const edited = page({ lessons: [entry] });
  const teachingShared = page({ lessons: [{ ...entry, concepts: [shared!] }] });

  // The other lesson teaches none of the held concepts.
  expect(touches(bundle, 'en', edited)).toBe(false);
  expect(touches(bundle, 'en', deleted)).toBe(false);
  expect(touches(bundle, 'en', teachingShared)).toBe(true);

  // A copy made while the other lesson taught `shared` too (its `lessons` name both).
  const sharing = structuredClone(bundle);
  sharing.content.en!.concepts[0]!.lessons.push(other);
  expect(touches(sharing, 'en', teachingShared)).toBe(false);
  expect(touches(sharing, 'en', edited)).toBe(true);
  expect(touches(sharing, 'en', deleted)).toBe(true);
});
