/** What the adapter has asked Firestore so far (for tests and benchmarks). */
export interface FirestoreStats {
  /** Document gets, queries and commits sent. */
  rpcs: number;
  documentsRead: number;
  documentsWritten: number;
}
