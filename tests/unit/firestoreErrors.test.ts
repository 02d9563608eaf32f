// What a failed Firestore call means to callers: the gRPC errors the client raises (a code and
// "<code> <NAME>: <details>" as the message, as the emulator answered them in CI) mapped to ours.
import { AppError, ErrorCode } from '../../src/errors.js';
import { storeErrorOf } from '../../src/store/firestore/firestoreErrors.js';

const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('storeErrorOf', () => {
  it('calls a transaction that kept losing to concurrent writers a CONFLICT, naming what failed', () => {
    const mapped = storeErrorOf(grpcError(10, '10 ABORTED: Transaction lock timeout'), 'a commit');
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: ErrorCode.CONFLICT });
    expect((mapped as AppError).message).toContain('a commit was not applied');
    expect((mapped as AppError).message).not.toContain('lock timeout'); // no internals
  });

  it.each([
    [4, '4 DEADLINE_EXCEEDED: Deadline exceeded'],
    [14, '14 UNAVAILABLE: No connection established'],
  ])('calls gRPC code %i an unreachable store (UNAVAILABLE)', (code, message) => {
    expect(storeErrorOf(grpcError(code, message), 'a revision read')).toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The content store is unreachable (a revision read failed).',
    });
  });

  it('passes a size refusal the client retried to its deadline as it is: not an outage', () => {
    const refusal = grpcError(4, '4 DEADLINE_EXCEEDED: 8 RESOURCE_EXHAUSTED: exceeds maximum size');
    expect(storeErrorOf(refusal, 'a commit')).toBe(refusal);
  });

  it('passes our own errors and anything unknown unchanged', () => {
    const ours = new AppError(ErrorCode.NOT_FOUND, 'No such concept.');
    const bug = new TypeError('x is undefined');
    expect(storeErrorOf(ours, 'a commit')).toBe(ours);
    expect(storeErrorOf(bug, 'a commit')).toBe(bug);
    expect(storeErrorOf(grpcError(3, '3 INVALID_ARGUMENT'), 'a commit')).toMatchObject({ code: 3 });
  });
});
