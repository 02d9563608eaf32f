/** Which public contract a change is in. */
export type ContractApi = 'graphql' | 'rest';

/**
 * How a change treats clients built on the released contract: `breaking` fails some of them,
 * `dangerous` may change what they see (a new enum value, a default changed), `safe` does not.
 */
export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One difference between the released contract and the current one. */
export interface ContractChange {
  api: ContractApi;
  level: ChangeLevel;
  /** Where: a schema coordinate (`Concept.term`) or a path into the OpenAPI document. */
  where: string;
  /** What changed, in words (from the diff tool). */
  description: string;
}
