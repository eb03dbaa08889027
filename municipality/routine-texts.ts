import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AGE_GROUPS, CONCERNS, DURATIONS, SCHOOL_ACTIONS } from './consultation-questions.js';
import { PackFileError, readPackYaml, validatePackFile } from './pack-files.js';
import { fromSnapshot, remember, snapshotKey } from './start-snapshot.js';

/** The file of the pack that holds the routine texts. */
export const ROUTINES_FILE = 'routines.yaml';

/** When a part is shown: by the user's kind of school, the concern chosen, or whether the mottagningssektion answers now. */
export const PART_CONDITIONS = ['forskola', 'skola', 'oro-skolsvarigheter', 'oppet', 'stangt'] as const;
/** One condition on a part. */
export type PartCondition = (typeof PART_CONDITIONS)[number];

const text = z.string().trim().min(1);
const entryIds = z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be the id of a knowledge entry (its file name without .md)')).min(1);

const partSchema = z
  .object({
    heading: text.optional(),
    /** One paragraph, or lines shown as bullets. */
    text: z.union([text, z.array(text).min(1)]),
    sources: entryIds,
    when: z.enum(PART_CONDITIONS).optional(),
  })
  .strict();

const replyPartSchema = z.object({ text, sources: entryIds.optional(), when: z.enum(PART_CONDITIONS).optional() }).strict();

/** The longest button or choice title: longer ones are cut off at phone width (360 px) in Teams. */
export const MAX_CHOICE_TITLE_LENGTH = 30;

const choiceTitle = text.max(MAX_CHOICE_TITLE_LENGTH, `får vara högst ${MAX_CHOICE_TITLE_LENGTH} tecken, annars klipps knappen av i mobilen – lägg det som förklarar i "details"`);

/** Labels for every option code, no more and no fewer. */
function optionLabels<const Code extends string>(codes: readonly Code[]) {
  return z.object(Object.fromEntries(codes.map((code) => [code, choiceTitle])) as Record<Code, typeof choiceTitle>).strict();
}

/** What an option means, shown in the card text next to its short label; optional per option. */
function optionDetails<const Code extends string>(codes: readonly Code[]) {
  return z.object(Object.fromEntries(codes.map((code) => [code, text.optional()])) as Record<Code, z.ZodOptional<typeof text>>).strict();
}

const questionSchema = <const Code extends string>(codes: readonly Code[]) =>
  z.object({ title: text, note: text.optional(), sources: entryIds, options: optionLabels(codes), details: optionDetails(codes).optional() }).strict();

const stepSchema = <const Buttons extends string>(buttons: readonly Buttons[]) =>
  z
    .object({
      title: text.optional(),
      parts: z.array(partSchema).min(1),
      buttons: z.object(Object.fromEntries(buttons.map((button) => [button, text])) as Record<Buttons, typeof text>).strict(),
    })
    .strict();

/** routines.yaml: the words of the consultation, the orosanmälan walk-through, the akut first reply and the lines under answers. */
export const routineTextsSchema = z
  .object({
    /** The greeting when the bot is added: who it is and whose routines it follows. */
    welcome: text,
    /** Added to the greeting in a team channel or group chat: everyone there reads what is written, and how to ask. */
    welcomeShared: text.optional(),
    /** In a team channel or group chat, instead of starting the consultation or the orosanmälan: they are done in the personal chat. */
    personalChat: z
      .object({
        /** Why not here: everyone in the conversation reads what is written. */
        redirect: text,
        /** With the bot's app id configured: above the button that opens the personal chat. */
        withLink: text,
        button: choiceTitle,
        /** Without an app id (local mode): how to find the bot's chat in Teams. */
        withoutLink: text,
        /** Akut oro keeps working here: the call-now guidance is never withheld. */
        akut: text,
      })
      .strict(),
    konsultation: z
      .object({
        title: text,
        anonymity: z.object({ text, sources: entryIds }).strict(),
        /** Under each question: what to do when no option fits (answers are chosen, not typed freely). */
        choiceHint: text,
        questions: z
          .object({
            ageGroup: questionSchema(AGE_GROUPS),
            concern: questionSchema(CONCERNS),
            duration: questionSchema(DURATIONS),
            schoolActions: questionSchema(SCHOOL_ACTIONS),
          })
          .strict(),
        guidance: z.object({ title: text, parts: z.array(partSchema).min(1) }).strict(),
        /** The summary to read from on the phone: button answers only. */
        summary: z.object({ title: text, intro: text, closing: text, nextSteps: text }).strict(),
      })
      .strict(),
    orosanmalan: z
      .object({
        title: text,
        acuteQuestion: stepSchema(['yes', 'no']),
        dutyToReport: stepSchema(['next']),
        writtenReport: stepSchema(['next']).extend({
          /** How {checklista} reads: as a link to CHECKLIST_URL, or, without one, where to find the checklist. */
          checklist: z.object({ link: text, withoutLink: text }).strict(),
        }),
        anmalningsmote: stepSchema(['next']),
        whatHappensNext: stepSchema(['yes', 'no']),
        /** After the steps: the answer to the reminder question, and the offer to book the anmälningsmöte. */
        afterSteps: z.object({ noReminder: text, reminderSet: text, reminderNotSaved: text, bookingOffer: text, bookingButton: text }).strict(),
      })
      .strict(),
    akutOro: z.object({ firstReply: z.array(replyPartSchema).min(1) }).strict(),
    /** Lines under a typed question's answer. */
    answers: z
      .object({
        /** Under an answer whose entry tells staff to reach the mottagningssektion: the number of the user's area, or every area's. */
        callLine: z.object({ knownSchool: text, unknownSchool: text }).strict(),
      })
      .strict(),
  })
  .strict();

/** The validated routine texts. */
export type RoutineTexts = z.infer<typeof routineTextsSchema>;
/** One part of a routine step: an optional heading, a paragraph or bullet lines, and the entries it cites. */
export type RoutinePart = z.infer<typeof partSchema>;

/** The placeholders each place may use; the bot fills them in when it shows the text. */
const PLACEHOLDERS: readonly [RegExp, readonly string[]][] = [
  [/^personalChat\.redirect$/, ['rutin']],
  [/^personalChat\.with(out)?Link$/, ['kommando']],
  [/^konsultation\.guidance\./, ['ringNu', 'telefontider', 'nodlage']],
  [/^orosanmalan\.writtenReport\./, ['checklista', 'faxOchTelefon', 'justNu']],
  [/^orosanmalan\.whatHappensNext\./, ['paminnelsedag']],
  [/^orosanmalan\.afterSteps\.reminder/, ['paminnelsedag']],
  [/^akutOro\.firstReply\./, ['ringNu', 'oppnar', 'nodlage']],
  [/^answers\.callLine\.knownSchool$/, ['skola', 'sektion', 'telefon']],
  [/^answers\.callLine\.unknownSchool$/, ['nummer']],
];

/** Reads and validates routines.yaml below `dir`; every cited entry must be one of `entryIds` (from the start snapshot while unchanged). */
export async function loadRoutineTexts(dir: string, entryIds: ReadonlySet<string>): Promise<RoutineTexts> {
  const text = await readFile(path.join(dir, ROUTINES_FILE), 'utf8').catch(() => undefined);
  const key = snapshotKey('routines', [{ name: ROUTINES_FILE, text }, { name: '(entry ids)', text: [...entryIds].sort().join('\n') }]);
  return fromSnapshot<RoutineTexts>(key) ?? remember(key, await parseRoutineTexts(dir, entryIds));
}

async function parseRoutineTexts(dir: string, entryIds: ReadonlySet<string>): Promise<RoutineTexts> {
  const routines = validatePackFile(routineTextsSchema, await readPackYaml(dir, ROUTINES_FILE), ROUTINES_FILE);
  checkRoutineTexts(routines, entryIds);
  return routines;
}

/** Cited entries exist, and every {placeholder} is one the place allows. Throws PackFileError naming the field. */
export function checkRoutineTexts(routines: RoutineTexts, entryIds: ReadonlySet<string>): void {
  visit(routines, '', (field, value) => {
    if (/\.sources\.\d+$/.test(field) && !entryIds.has(value)) {
      throw new PackFileError(ROUTINES_FILE, field, `pekar på okänd kunskapspost "${value}"`);
    }
    for (const [, name] of value.matchAll(/\{([^{}]*)\}/g)) {
      const allowed = PLACEHOLDERS.find(([place]) => place.test(field))?.[1] ?? [];
      if (!allowed.includes(name ?? '')) {
        throw new PackFileError(ROUTINES_FILE, field, `har {${name}}, som inte kan fyllas i här${allowed.length > 0 ? ` (bara ${allowed.map((a) => `{${a}}`).join(', ')})` : ''}`);
      }
    }
  });
}

/** Fills `{name}` placeholders; the loader has checked that only known names occur. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The parts to show in this case: those without a condition, and those whose condition holds. */
export function partsFor<Part extends { readonly when?: PartCondition }>(parts: readonly Part[], holds: ReadonlySet<PartCondition>): Part[] {
  return parts.filter((part) => part.when === undefined || holds.has(part.when));
}

function visit(value: unknown, field: string, onString: (field: string, value: string) => void): void {
  if (typeof value === 'string') onString(field, value);
  else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${field}.${index}`, onString));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) visit(inner, field ? `${field}.${key}` : key, onString);
  }
}
