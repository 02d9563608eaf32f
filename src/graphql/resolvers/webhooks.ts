import { authorize } from '../../auth/permissions.js';
import { actorOf } from '../../auth/viewer.js';
import type { WebhookInput, WebhookPatch } from '../../domain/webhook.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { WebhookService } from '../../webhooks/webhookService.js';
import type { GraphQLContext } from '../context.js';

// Every webhook operation is an admin's: the check comes before anything is read or written.
function service(ctx: GraphQLContext): WebhookService {
  authorize(ctx.viewer, 'manageWebhooks', ctx.edit.writable);
  if (!ctx.webhooks) throw new AppError(ErrorCode.UNAVAILABLE, 'Webhooks are not available.');
  return ctx.webhooks;
}

/** `Query.webhooks`, `Query.webhook`, `Query.webhookDeliveries` (admin). */
export const webhookQueryResolvers = {
  webhooks: (_: unknown, _args: unknown, ctx: GraphQLContext) => service(ctx).list(),
  webhook: (_: unknown, args: { id: string }, ctx: GraphQLContext) => service(ctx).get(args.id),
  webhookDeliveries: (
    _: unknown,
    args: { webhookId: string; first?: number | null; after?: string | null },
    ctx: GraphQLContext,
  ) => service(ctx).deliveries(args.webhookId, args.first ?? 20, args.after ?? null),
};

/** The webhook mutations (admin). */
export const webhookMutationResolvers = {
  createWebhook: (_: unknown, args: { input: WebhookInput }, ctx: GraphQLContext) =>
    service(ctx).create(args.input, actorOf(ctx.viewer)),
  updateWebhook: (_: unknown, args: { id: string; input: WebhookPatch }, ctx: GraphQLContext) =>
    service(ctx).update(args.id, withoutNulls(args.input)),
  deleteWebhook: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
    const webhooks = service(ctx);
    if (!(await webhooks.get(args.id))) return false;
    await webhooks.delete(args.id);
    return true;
  },
  rotateWebhookSecret: (
    _: unknown,
    args: { id: string; overlapSeconds?: number | null },
    ctx: GraphQLContext,
  ) => service(ctx).rotateSecret(args.id, args.overlapSeconds ?? 86_400),
  redeliver: (_: unknown, args: { deliveryId: string }, ctx: GraphQLContext) =>
    service(ctx).redeliver(args.deliveryId),
  replayWebhook: (
    _: unknown,
    args: { webhookId: string; fromRevision: number },
    ctx: GraphQLContext,
  ) => service(ctx).replay(args.webhookId, args.fromRevision),
};

// GraphQL sends an omitted optional input field as absent, but a client may send null: both
// mean "leave it as it is".
function withoutNulls(patch: Record<string, unknown>): WebhookPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null));
}
