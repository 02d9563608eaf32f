import { eventName, type ChangeEvent } from '../../domain/changeEvent.js';
import { readEventFeed } from '../../events/eventFeed.js';
import { acceptsEvent } from '../../events/eventFilter.js';
import type { GraphQLContext } from '../context.js';

/** `Query.events`: the pull feed over the outbox (editors and admins). */
export function eventsResolver(
  _: unknown,
  args: { after?: string | null; first?: number | null; events?: string[] | null },
  ctx: GraphQLContext,
) {
  const accepts = args.events ? acceptsEvent(args.events, ['events']) : undefined;
  return readEventFeed(ctx.edit.store, ctx.viewer, ctx.edit.writable, {
    after: args.after,
    first: args.first,
    ...(accepts ? { accepts } : {}),
  });
}

/** A change event's fields: stored lower-case forms in, schema enums out (see index.ts). */
export const changeEventResolvers = {
  name: (event: ChangeEvent) => eventName(event),
};

/** The enum maps of events: schema names to the stored forms. */
export const eventEnums = {
  EventType: {
    CATEGORY: 'category',
    CONCEPT: 'concept',
    RELATION: 'relation',
    COMPARISON: 'comparison',
    LESSON: 'lesson',
  },
  EventAction: {
    CREATED: 'created',
    UPDATED: 'updated',
    DELETED: 'deleted',
    PUBLISHED: 'published',
    UNPUBLISHED: 'unpublished',
  },
};
