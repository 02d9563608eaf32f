// The scale benchmark's statistics (bench/scale/figure.ts): the per-run ratios its goals are
// read from must pair each run with its own baseline and leave failed runs out, and the interval
// of their median (which a goal on a median is judged by) must hold what it claims.
import {
  medianInterval,
  pairedRatios,
  quantile,
  ratioCell,
  type Figure,
} from '../../bench/scale/figure.js';

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

describe('medianInterval', () => {
  // Values 1..n, out of order: the interval's ends are then the ranks themselves.
  const ranks = (n: number) =>
    Array.from({ length: n }, (_, i) => i + 1).sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));

  it('gives the order statistics whose coin-toss tails are each at most 2.5%', () => {
    // From the binomial distribution: P(at most 5 heads in 21 tosses) = 1.3%, at most 6: 3.9%.
    expect(medianInterval(ranks(21))).toEqual([6, 16]);
    expect(medianInterval(ranks(41))).toEqual([14, 28]);
    expect(medianInterval(ranks(10))).toEqual([2, 9]);
    // Six values: all heads or all tails is 1.6% each, so the interval is the whole range.
    expect(medianInterval(ranks(6))).toEqual([1, 6]);
  });

  it('gives nothing where too few values reach the confidence', () => {
    // Five values: all heads alone is 3.1%, over the 2.5% a 95% interval allows each side.
    expect(medianInterval(ranks(5))).toBeUndefined();
    expect(medianInterval([])).toBeUndefined();
    expect(medianInterval(ranks(5), 0.9)).toEqual([1, 5]);
  });

  it('does not underflow for many values', () => {
    const [low, high] = medianInterval(ranks(2000))!;
    // About 1.96 standard deviations (√2000 / 2 ≈ 22.4) either side of the middle.
    expect(low).toBeGreaterThan(950);
    expect(low).toBeLessThan(960);
    expect(high).toBe(2001 - low);
  });
});

describe('ratioCell', () => {
  it('gives the median and the middle half of four or more ratios', () => {
    expect(ratioCell([1.4, 1.5, 1.6, 1.3, 1.45])).toBe('1.45× (1.40–1.50)');
  });

  it("adds the median's 95% interval where there are enough ratios", () => {
    const ratios = [1.3, 1.35, 1.4, 1.45, 1.5, 1.55, 1.6];
    expect(ratioCell(ratios)).toBe('1.45× (1.38–1.52; median 1.30–1.60)');
  });

  it('gives the median alone for fewer, and a dash for none', () => {
    expect(ratioCell([1.2, 1.4])).toBe('1.30×');
    expect(ratioCell([])).toBe('—');
  });
});
