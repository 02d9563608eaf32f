// `viewer` tells a client who it is and what it may do, so the admin console offers only the
// controls that will work; the list is the authorization table's own (src/auth/permissions.ts).
import { as } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

const VIEWER = '{ viewer { role permissions } }';

describe('viewer', () => {
  let served: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
  });
  afterAll(() => served.close());

  it('names the role of the token and the actions it allows', async () => {
    expect((await as('anonymous', served.url, VIEWER)).data.viewer).toEqual({
      role: 'ANONYMOUS',
      permissions: [],
    });
    expect((await as('editor', served.url, VIEWER)).data.viewer).toEqual({
      role: 'EDITOR',
      permissions: ['CREATE_DRAFT', 'EDIT_DRAFT', 'ADD_RELATION', 'TRANSLATE', 'READ_EVENTS'],
    });
    const admin = (await as('admin', served.url, VIEWER)).data.viewer;
    expect(admin.role).toBe('ADMIN');
    expect(admin.permissions).toHaveLength(13);
    expect(admin.permissions).toEqual(
      expect.arrayContaining(['PUBLISH', 'IMPORT', 'READ_HISTORY', 'MANAGE_WEBHOOKS']),
    );
  });

  it('agrees with what the API enforces: an editor is refused an action it is not listed for', async () => {
    const editor = (await as('editor', served.url, VIEWER)).data.viewer.permissions as string[];
    expect(editor).not.toContain('PUBLISH');
    const publish = await as(
      'editor',
      served.url,
      'mutation { publishConcept(slug: "encoder", expectedVersion: 1) { status } }',
    );
    expect(publish.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
