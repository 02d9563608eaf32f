// Trace headers are client input: only well-formed, non-zero ids are taken, in canonical form.
import { traceContextOf, traceLogFields } from '../../src/observability/traceContext.js';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('traceContextOf', () => {
  it('reads W3C traceparent, case-insensitively, with the sampled flag', () => {
    expect(traceContextOf({ traceparent: `00-${ID.toUpperCase()}-00F067AA0BA902B7-00` })).toEqual({
      traceId: ID,
      spanId: '00f067aa0ba902b7',
      sampled: false,
    });
  });

  it('refuses version ff, all-zero ids and wrong lengths', () => {
    expect(traceContextOf({ traceparent: `ff-${ID}-00f067aa0ba902b7-01` })).toBeUndefined();
    expect(
      traceContextOf({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }),
    ).toBeUndefined();
    expect(traceContextOf({ traceparent: `00-${ID}-${'0'.repeat(16)}-01` })).toBeUndefined();
    expect(traceContextOf({ traceparent: `00-${ID}1-00f067aa0ba902b7-01` })).toBeUndefined();
  });

  it('falls back to X-Cloud-Trace-Context, converting the decimal span id to hex', () => {
    expect(
      traceContextOf({
        traceparent: 'garbage',
        'x-cloud-trace-context': `${ID}/18446744073709551615;o=1`,
      }),
    ).toEqual({ traceId: ID, spanId: 'ffffffffffffffff', sampled: true });
    expect(traceContextOf({ 'x-cloud-trace-context': ID })).toEqual({ traceId: ID });
  });

  it('drops a span id outside 64 bits but keeps the trace', () => {
    expect(traceContextOf({ 'x-cloud-trace-context': `${ID}/18446744073709551616` })).toEqual({
      traceId: ID,
    });
  });

  it('prefers traceparent when both are valid', () => {
    const other = 'a'.repeat(32);
    expect(
      traceContextOf({
        traceparent: `00-${ID}-00f067aa0ba902b7-01`,
        'x-cloud-trace-context': `${other}/1`,
      })?.traceId,
    ).toBe(ID);
  });
});

describe('traceLogFields', () => {
  it('names the trace as a Cloud Trace resource when the project is known', () => {
    expect(traceLogFields({ traceId: ID, spanId: '00f067aa0ba902b7' }, 'my-project')).toEqual({
      'logging.googleapis.com/trace': `projects/my-project/traces/${ID}`,
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
    });
    expect(traceLogFields({ traceId: ID }, undefined)).toEqual({
      'logging.googleapis.com/trace': ID,
    });
    expect(traceLogFields(undefined, 'my-project')).toEqual({});
  });
});
