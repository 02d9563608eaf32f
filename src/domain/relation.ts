import { z } from 'zod';
import { slugSchema } from './ids.js';
import { localizedText } from './localized.js';
import { relationKindSchema, type RelationKind } from './relationKinds.js';
import { sourceRefSchema } from './source.js';

/** A typed, directed edge between two concepts, citing the lesson section it comes from. */
export const relationSchema = z
  .object({
    from: slugSchema,
    kind: relationKindSchema,
    to: slugSchema,
    note: localizedText(600).optional(),
    source: sourceRefSchema.optional(),
  })
  .strict()
  .refine((relation) => relation.from !== relation.to, {
    message: 'a concept cannot be related to itself',
    path: ['to'],
  });

/** A relation. */
export type Relation = z.infer<typeof relationSchema>;

/** The deterministic document id of a relation: `{from}__{kind}__{to}` (idempotent imports). */
export function relationId(relation: { from: string; kind: RelationKind; to: string }): string {
  return `${relation.from}__${relation.kind}__${relation.to}`;
}
