// Log lines are gathered per turn of the event loop and written together at its end; flushSync
// (at exit, and pino's after a fatal line) writes whatever waits, at once and only once.
import { bufferedPerTurn } from '../../src/observability/logDestination.js';
import { createLogger } from '../../src/observability/logger.js';

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

function capture() {
  const writes: string[] = [];
  return { writes, destination: bufferedPerTurn({ write: (data) => writes.push(data) }) };
}

describe('bufferedPerTurn', () => {
  it('writes the lines of one turn in one write, once the turn is over', async () => {
    const { writes, destination } = capture();
    destination.write('a\n');
    destination.write('b\n');
    expect(writes).toEqual([]);
    await endOfTurn();
    expect(writes).toEqual(['a\nb\n']);
    destination.write('c\n');
    await endOfTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes what waits on flushSync, at once and not again at the end of the turn', async () => {
    const { writes, destination } = capture();
    destination.write('a\n');
    destination.flushSync();
    expect(writes).toEqual(['a\n']);
    destination.flushSync();
    await endOfTurn();
    expect(writes).toEqual(['a\n']);
  });

  it("is flushed by pino's fatal: the fatal line and those before it go out at once", () => {
    const { writes, destination } = capture();
    const log = createLogger('info', destination);
    log.info('before');
    expect(writes).toEqual([]);
    log.fatal('the end');
    expect(writes).toHaveLength(1);
    const lines = writes[0]!
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      expect.objectContaining({ severity: 'INFO', message: 'before' }),
      expect.objectContaining({ severity: 'CRITICAL', message: 'the end' }),
    ]);
  });
});
