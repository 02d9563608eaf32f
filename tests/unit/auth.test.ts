// Bearer tokens: `npm run token` output configures a token that then authenticates with its
// role; malformed or unknown tokens are UNAUTHENTICATED; permissions follow the role table.
import { textStream as collect } from '../helpers/textStream.js';
import { authenticate } from '../../src/auth/authenticate.js';
import { authorize, PERMISSIONS } from '../../src/auth/permissions.js';
import { hashToken, parseApiTokens } from '../../src/auth/tokens.js';
import { actorOf, ANONYMOUS } from '../../src/auth/viewer.js';
import { runTokenCommand } from '../../src/cli/tokenCommand.js';

describe('npm run token', () => {
  it('prints a new token and the API_TOKENS entry that makes it work', () => {
    const out = collect();
    expect(runTokenCommand(['--role', 'editor'], { out: out.stream, err: collect().stream })).toBe(
      0,
    );
    const token = /\n {2}(llmc_[\w-]+)\n/.exec(out.text())![1]!;
    const entry = /\n {2}(editor:[0-9a-f]{64})\n/.exec(out.text())![1]!;
    expect(entry).toBe(`editor:${hashToken(token)}`);
    const viewer = authenticate(`Bearer ${token}`, parseApiTokens(entry));
    expect(viewer).toEqual({ role: 'editor', fingerprint: hashToken(token).slice(0, 12) });
    expect(actorOf(viewer)).toBe(`editor:${hashToken(token).slice(0, 12)}`);
  });

  it('makes a different token every time', () => {
    const tokens = Array.from({ length: 5 }, () => {
      const out = collect();
      runTokenCommand(['--role', 'admin'], { out: out.stream, err: collect().stream });
      return out.text();
    });
    expect(new Set(tokens).size).toBe(5);
  });

  it.each([[[]], [['--role', 'owner']], [['--nope']]])(
    'refuses %j with usage and exit 2',
    (argv) => {
      const err = collect();
      expect(runTokenCommand(argv, { out: collect().stream, err: err.stream })).toBe(2);
      expect(err.text()).toMatch(/usage: npm run token/);
    },
  );
});

describe('authenticate', () => {
  const tokens = parseApiTokens(`editor:${hashToken('e-token')},admin:${hashToken('a-token')}`);

  it.each([
    [undefined, { role: 'anonymous' }],
    ['', { role: 'anonymous' }],
    ['Bearer e-token', { role: 'editor', fingerprint: hashToken('e-token').slice(0, 12) }],
    ['Bearer a-token', { role: 'admin', fingerprint: hashToken('a-token').slice(0, 12) }],
    // The scheme name is case-insensitive (RFC 9110 §11.1), and 1*SP separates it from the token.
    ['bearer a-token', { role: 'admin', fingerprint: hashToken('a-token').slice(0, 12) }],
    ['BEARER  a-token', { role: 'admin', fingerprint: hashToken('a-token').slice(0, 12) }],
  ])('%j → %j', (header, viewer) => {
    expect(authenticate(header, tokens)).toEqual(viewer);
  });

  it.each([
    'Bearer wrong',
    'Basic YTpi',
    'Bearer',
    'Bearer\ta-token',
    `Bearer ${'x'.repeat(600)}`,
    'Bearer a token',
  ])('refuses %j as UNAUTHENTICATED', (header) => {
    expect(() => authenticate(header, tokens)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('never accepts a token when none are configured', () => {
    expect(() => authenticate('Bearer a-token', [])).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});

describe('authorize', () => {
  const editor = { role: 'editor' as const, fingerprint: 'e' };
  const admin = { role: 'admin' as const, fingerprint: 'a' };

  it.each(Object.entries(PERMISSIONS))('%s needs %s', (action, role) => {
    const act = action as keyof typeof PERMISSIONS;
    expect(() => authorize(ANONYMOUS, act, true)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => authorize(admin, act, true)).not.toThrow();
    if (role === 'editor') expect(() => authorize(editor, act, true)).not.toThrow();
    else
      expect(() => authorize(editor, act, true)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    expect(() => authorize(admin, act, false)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/read-only/) }),
    );
  });
});
