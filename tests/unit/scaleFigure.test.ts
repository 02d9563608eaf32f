// The scale benchmark's statistics (bench/scale/figure.ts): the per-run ratios its goals are
// read from must pair each run with its own baseline and leave failed runs out.
import { pairedRatios, quantile, ratioCell, type Figure } from '../../bench/scale/figure.js';

const ok = (value: number): Figure<number> => ({ ok: true, value });
const failed: Figure<number> = { ok: false, failure: 'fails: boom' };

describe('quantile', () => {
  it('interpolates between ranks, whatever the input order', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('pairedRatios', () => {
  it('divides each run by the baseline of the same run', () => {
    expect(pairedRatios([ok(600), ok(900)], [ok(400), ok(450)])).toEqual([1.5, 2]);
  });

  it('leaves out a run where either side failed, without shifting the pairs', () => {
    expect(
      pairedRatios([ok(600), failed, ok(880), ok(500)], [ok(400), ok(450), failed, ok(500)]),
    ).toEqual([1.5, 1]);
  });

  it('pairs only the runs both sides have', () => {
    expect(pairedRatios([ok(600), ok(700)], [ok(300)])).toEqual([2]);
  });
});

describe('ratioCell', () => {
  it('gives the median and the middle half of four or more ratios', () => {
    expect(ratioCell([1.4, 1.5, 1.6, 1.3, 1.45])).toBe('1.45× (1.40–1.50)');
  });

  it('gives the median alone for fewer, and a dash for none', () => {
    expect(ratioCell([1.2, 1.4])).toBe('1.30×');
    expect(ratioCell([])).toBe('—');
  });
});
