// gunzipWhole: a gzip member's content in one buffer made at the size its trailer gives, and
// the right content whatever the trailer says.
import { gzipSync } from 'node:zlib';
import { gunzipWhole, gunzipWholeSync } from '../../src/store/gunzipWhole.js';

const large = Buffer.from('가나다 abc '.repeat(20_000)); // 300 KB: many of zlib's 16 KiB chunks

describe('gunzipWhole', () => {
  it('gives back the content, empty, small or large, async and sync', async () => {
    for (const content of [Buffer.alloc(0), Buffer.from('{"a":1}'), large]) {
      expect((await gunzipWhole(gzipSync(content))).equals(content)).toBe(true);
      expect(gunzipWholeSync(gzipSync(content)).equals(content)).toBe(true);
    }
  });

  it('makes the output in one buffer of the content size, not chunks copied together', async () => {
    const content = await gunzipWhole(gzipSync(large));
    // One byte of room past the content (see gunzipWhole.ts), and nothing else in its memory.
    expect(content.buffer.byteLength).toBe(large.length + 1);
    expect(gunzipWholeSync(gzipSync(large)).buffer.byteLength).toBe(large.length + 1);
  });

  it('still gives all the content when the trailer understates it (two members back to back)', async () => {
    const two = Buffer.concat([gzipSync(large), gzipSync(Buffer.from('tail'))]);
    const expected = Buffer.concat([large, Buffer.from('tail')]);
    expect((await gunzipWhole(two)).equals(expected)).toBe(true);
    expect(gunzipWholeSync(two).equals(expected)).toBe(true);
  });

  it('refuses what is not gzip', async () => {
    await expect(gunzipWhole(Buffer.from('not gzip at all, long enough'))).rejects.toThrow();
    expect(() => gunzipWholeSync(Buffer.from('not gzip at all, long enough'))).toThrow();
  });
});
