// The compiled course's texts file read where each text lies (src/seed/compiledTexts.ts): the
// same text whatever the order of the reads (forward, backwards, scattered), Korean included.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCompiledTexts } from '../../src/seed/compiledTexts.js';

// Texts of varied lengths (some longer than a window), in Korean and English, one after another.
async function textsFile() {
  const texts = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify(
      i % 97 === 0 ? '긴 본문 '.repeat(12_000) : `개념 ${i}: ${'설명 text '.repeat(i % 50)}`,
    ),
  );
  const spans: [number, number][] = [];
  let offset = 0;
  for (const text of texts) {
    const length = Buffer.byteLength(text);
    spans.push([offset, offset + length]);
    offset += length;
  }
  const path = join(await mkdtemp(join(tmpdir(), 'compiled-texts-')), 'content.texts');
  await writeFile(path, texts.join(''));
  return { path, texts, spans, size: offset };
}

describe('openCompiledTexts', () => {
  it('reads every span as written, forward, backwards and scattered', async () => {
    const { path, texts, spans, size } = await textsFile();
    const forward = openCompiledTexts(path)!;
    expect(forward.size).toBe(size);
    expect(spans.map(([start, end]) => forward.read(start, end))).toEqual(texts);
    const backwards = openCompiledTexts(path)!;
    const reversed = [...spans.keys()].reverse();
    expect(reversed.map((i) => backwards.read(...spans[i]!))).toEqual(
      reversed.map((i) => texts[i]),
    );
    const scattered = openCompiledTexts(path)!;
    const order = [...spans.keys()].map((i) => (i * 389) % spans.length);
    expect(order.map((i) => scattered.read(...spans[i]!))).toEqual(order.map((i) => texts[i]));
    // Forward again after a jump back, and a span read twice.
    expect(scattered.read(...spans[3]!)).toBe(texts[3]);
    expect(scattered.read(...spans[4]!)).toBe(texts[4]);
    expect(scattered.read(...spans[4]!)).toBe(texts[4]);
  });

  it('refuses bytes the file does not have, and a file that is not there', async () => {
    const { path, size } = await textsFile();
    const texts = openCompiledTexts(path)!;
    expect(() => texts.read(size - 2, size + 1)).toThrow(/no bytes/);
    expect(openCompiledTexts(join(tmpdir(), 'no-such-dir', 'content.texts'))).toBeUndefined();
  });
});
