import { z } from 'zod';

/**
 * What a slot id and a booking reference look like when they come from outside (a card submit, a
 * tab request or path): one definition for the chat and the tab alike.
 */

/** A slot id as submitted: a short word of letters, digits, `_` and `-`. */
export const slotIdSchema = z.string().trim().min(1).max(64).regex(/^[\w-]+$/);

/** A booking reference as typed or submitted (`AM-7K3Q-9D`, any case), upper-cased. */
export const bookingReferenceSchema = z
  .string()
  .trim()
  .max(16)
  .transform((text) => text.toUpperCase())
  .pipe(z.string().regex(/^(AM|KO)-[0-9A-Z]{4}-[0-9A-Z]{2}$/));
