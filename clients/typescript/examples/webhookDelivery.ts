// The README's "A typed client" webhook example, run by tests/client/schemas.test.ts against a
// real delivery: the text between the README markers is quoted in README.md verbatim
// (tests/client/readmeClient.test.ts checks it).
import { changeEventDeliverySchema } from '../src/schemas.js';

/** The concept a subscriber refreshes for a delivery's body (verified first); null for others. */
export function conceptToRefresh(body: string): string | null {
  // README:start
  const delivery = changeEventDeliverySchema.parse(JSON.parse(body)); // throws on a forged body
  if (delivery.data.type === 'concept') return delivery.data.documentId;
  // README:end
  return null;
}
