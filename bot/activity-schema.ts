import { z } from 'zod';

/**
 * The least an inbound activity must carry for the bot to handle it safely. Anything else is passed
 * through untouched to botbuilder; a body that fails this gets a 400 with a code, not a crash.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    from: z.object({ id: z.string().min(1).max(1024) }).loose(),
    recipient: z.object({ id: z.string().min(1).max(1024) }).loose().optional(),
    text: z.string().max(28_000).optional(),
    value: z.unknown().optional(),
  })
  .loose();

/** A parsed inbound activity, or the reason it was refused (field paths only; never values). */
export function parseInboundActivity(body: unknown): { ok: true } | { ok: false; fields: string[] } {
  const result = inboundActivitySchema.safeParse(body);
  if (result.success) return { ok: true };
  return { ok: false, fields: [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))] };
}
