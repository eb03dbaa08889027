import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const phoneNumber = z.string().regex(/^(\+46|0)[\d\s-]{5,16}$/, 'must be a Swedish phone number with area code');

/**
 * An intake area of utredningsenheten, by its key in the municipality pack (`norr`, `sodra` in
 * Botkyrka): each area has one mottagningssektion. The areas come from the pack, never from code.
 */
export const areaSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a short key in lower case without spaces, e.g. norr');
/** An intake area's key, as contacts.yaml names it. */
export type Area = z.infer<typeof areaSchema>;

/** contacts.yaml: the areas and their mottagningssektioner, phone numbers, telephone hours and the school → area mapping. */
export const contactsSchema = z
  .object({
    /** The municipality whose routines these are, by its name ("Botkyrka"). */
    municipality: z.string().min(1),
    source: z.object({ document: z.string().min(1), section: z.string().min(1) }).strict(),
    lastReviewed: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    mottagningssektioner: z
      .array(
        z
          .object({ area: areaSchema, name: z.string().min(1), ages: z.string().min(1), phone: phoneNumber, fax: phoneNumber })
          .strict(),
      )
      .min(1),
    telephoneHours: z
      .object({
        timezone: z.string().min(1),
        days: z
          .array(
            z
              .object({ weekdays: z.array(z.number().int().min(1).max(7)).min(1), open: clockTime, close: clockTime })
              .strict(),
          )
          .min(1),
        breaks: z.array(z.object({ from: clockTime, to: clockTime, label: z.string().min(1) }).strict()).default([]),
        closedOnPublicHolidays: z.boolean(),
        closedOnEves: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    socialjouren: z.object({ name: z.string().min(1), phones: z.array(phoneNumber).min(1), note: z.string().min(1) }).strict(),
    emergency: z.object({ name: z.string().min(1), phone: z.string().min(3), note: z.string().min(1) }).strict(),
    resursenheten: z
      .array(z.object({ name: z.string().min(1), phone: phoneNumber, offers: z.string().min(1) }).strict())
      .default([]),
    lsgAreas: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), area: areaSchema }).strict()).min(1),
    schools: z
      .array(
        z
          .object({ name: z.string().min(1), kind: z.enum(['forskola', 'grundskola', 'gymnasium']), lsg: z.string().min(1) })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((contacts, ctx) => {
    const lsgKeys = new Set(contacts.lsgAreas.map((lsg) => lsg.key));
    contacts.schools.forEach((school, index) => {
      if (!lsgKeys.has(school.lsg)) {
        ctx.addIssue({ code: 'custom', path: ['schools', index, 'lsg'], message: `unknown lsg area "${school.lsg}"` });
      }
    });
    const areas = new Set<string>();
    contacts.mottagningssektioner.forEach((section, index) => {
      if (areas.has(section.area)) ctx.addIssue({ code: 'custom', path: ['mottagningssektioner', index, 'area'], message: `area "${section.area}" has two mottagningssektioner` });
      areas.add(section.area);
    });
    contacts.lsgAreas.forEach((lsg, index) => {
      if (!areas.has(lsg.area)) ctx.addIssue({ code: 'custom', path: ['lsgAreas', index, 'area'], message: `no mottagningssektion for area "${lsg.area}"` });
    });
  });

/** Validated contact data. */
export type Contacts = z.infer<typeof contactsSchema>;

/** `08-530 622 55` → `tel:+46853062255`, so Teams renders a tappable number. */
export function telLink(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const international = digits.startsWith('+') ? digits : digits.startsWith('0') ? `+46${digits.slice(1)}` : digits;
  return `tel:${international}`;
}

/**
 * A phone or fax number that never breaks over two lines: non-breaking spaces and hyphen (`08‑530 622 88`
 * reads and copies the same, but a narrow card or phone cannot wrap it mid-number).
 */
export function unbreakableNumber(number: string): string {
  return number.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}

/** Every phone number the municipality published, for the privacy guard's allow-list. */
export function publishedPhoneNumbers(contacts: Contacts): string[] {
  return [
    ...contacts.mottagningssektioner.flatMap((s) => [s.phone, s.fax]),
    ...contacts.socialjouren.phones,
    ...contacts.resursenheten.map((r) => r.phone),
  ];
}
