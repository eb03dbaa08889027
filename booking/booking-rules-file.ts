import { z } from 'zod';
import { isKnownTimezone } from '../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';
import { parseWallTime, type BookingRules } from './availability-rules.js';

/** The file of the municipality pack that holds the posting and booking rules. */
export const BOOKING_RULES_FILE = 'booking-rules.yaml';

const minutes = z.number().int().min(0).max(24 * 60);
const wallTime = z
  .string()
  .transform((text, ctx) => {
    const time = /^\d{2}:\d{2}$/.test(text) ? parseWallTime(text) : undefined;
    if (!time) {
      ctx.addIssue({ code: 'custom', message: 'must be a time HH:MM' });
      return z.NEVER;
    }
    return Object.freeze(time);
  });

/** booking-rules.yaml: when and how socialsekreterare post times and staff book them. */
export const bookingRulesSchema = z
  .object({
    timezone: z.string().refine(isKnownTimezone, 'must be a timezone name such as Europe/Stockholm').default(SWEDISH_TIMEZONE),
    slotIntervalMinutes: z.number().int().min(5).max(60),
    allowedLengthsMinutes: z.array(z.number().int().min(5).max(8 * 60)).min(1),
    defaultBufferMinutes: minutes,
    maxBufferMinutes: minutes,
    minimumLeadTimeMinutes: minutes,
    maximumHorizonDays: z.number().int().min(14).max(365),
    maxRepeatWeeks: z.number().int().min(1).max(52),
    dayStart: wallTime,
    dayEnd: wallTime,
    skipClosedDays: z.boolean(),
    maxPlaceLength: z.number().int().min(10).max(500),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const interval = rules.slotIntervalMinutes;
    if (60 % interval !== 0) ctx.addIssue({ code: 'custom', path: ['slotIntervalMinutes'], message: 'must divide an hour (5, 10, 15, 20, 30 or 60)' });
    rules.allowedLengthsMinutes.forEach((length, index) => {
      if (length % interval !== 0) ctx.addIssue({ code: 'custom', path: ['allowedLengthsMinutes', index], message: `must be a multiple of slotIntervalMinutes (${interval})` });
    });
    if (rules.defaultBufferMinutes > rules.maxBufferMinutes) ctx.addIssue({ code: 'custom', path: ['defaultBufferMinutes'], message: 'must not be more than maxBufferMinutes' });
    const start = rules.dayStart.hour * 60 + rules.dayStart.minute;
    const end = rules.dayEnd.hour * 60 + rules.dayEnd.minute;
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['dayEnd'], message: 'must be later than dayStart' });
  })
  .transform((rules): BookingRules => Object.freeze({ ...rules, allowedLengthsMinutes: Object.freeze([...rules.allowedLengthsMinutes]) }));
