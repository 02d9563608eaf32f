import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asciiJson } from '../../src/store/asciiJson.js';
import { JsonLines } from '../../src/seed/jsonLines.js';

// Writes `text` to a new file and reads every line of it back.
async function readBack(text: string): Promise<{ values: unknown[]; torn: boolean }> {
  const path = join(await mkdtemp(join(tmpdir(), 'json-lines-')), 'lines.json');
  await writeFile(path, text);
  const lines = JsonLines.open(path);
  try {
    const values: unknown[] = [];
    for (let value = lines.next(); value !== undefined; value = lines.next()) values.push(value);
    return { values, torn: lines.endedTorn };
  } finally {
    lines.close();
  }
}

describe('JsonLines', () => {
  it('reads every line of a file far larger than its buffer, lines across its edges included', async () => {
    // Korean in ASCII escapes (as the compiled course is written), lines of many lengths so
    // that lines end at every offset of the 64 KB reads.
    const values = Array.from({ length: 3000 }, (_, i) => ({
      i,
      text: '대규모 언어 모델 '.repeat(i % 97),
      list: Array.from({ length: i % 13 }, (_, j) => j),
    }));
    const text = values.map((value) => `${asciiJson(value)}\n`).join('');
    expect(text.length).toBeGreaterThan(20 * 65536);
    expect(await readBack(text)).toEqual({ values, torn: false });
  });

  it('reads a line longer than its buffer', async () => {
    const long = { bounds: Array.from({ length: 100_000 }, (_, i) => i * 7) };
    const text = `${JSON.stringify(long)}\n{"after":true}\n`;
    expect(text.length).toBeGreaterThan(4 * 65536);
    expect(await readBack(text)).toEqual({ values: [long, { after: true }], torn: false });
  });

  it('tells a file cut in the middle of a line from one that ends with its last line', async () => {
    expect(await readBack('{"a":1}\n{"b":2}\n')).toEqual({
      values: [{ a: 1 }, { b: 2 }],
      torn: false,
    });
    expect(await readBack('{"a":1}\n{"b":')).toEqual({ values: [{ a: 1 }], torn: true });
    expect(await readBack('')).toEqual({ values: [], torn: false });
  });

  it('throws for a line that is not JSON', async () => {
    await expect(readBack('{"a":1}\nnot json\n')).rejects.toThrow(SyntaxError);
  });
});
