import { z } from 'zod';

/** Who an entry is written for; `alla` means every user group. */
export const audienceSchema = z.enum(['alla', 'elevhalsa', 'larare', 'rektor', 'forskola', 'socialsekreterare']);

const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD' });
    return z.NEVER;
  }
  return text;
});

/**
 * A situation a message may tell that one entry answers, whatever else the message names: new concern while socialtjänsten
 * already investigates (a new report), and staff unsure whether what they see is enough to report (consult first).
 */
export const entrySituationSchema = z.enum(['new-concern-during-investigation', 'unsure-whether-to-report']);

/** A situation an entry answers (its `situation` field). */
export type EntrySituation = z.infer<typeof entrySituationSchema>;

const entryId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case ASCII');

/** The words that ask a gap: groups of words, a question with a word of every group (compared by stem; a phrase of several words as written) asks it. */
const gapAsksSchema = z.array(z.array(z.string().min(1)).min(1)).min(2);

/** A gap written on an entry: the words that ask it and the sentence it is declined with. */
const gapSchema = z.object({ asks: gapAsksSchema, says: z.string().min(10) }).strict();

/** A gap of gaps.yaml named by its id; `asks` when the entry's questions ask it in other words than the shared ones. */
const gapReferenceSchema = z.object({ gap: entryId, asks: gapAsksSchema.optional() }).strict();

/**
 * gaps.yaml: gaps several entries share, each once with an id; `asks` may be left to the entries. In `says`,
 * `{telefontider}` is the mottagningssektioner's telephone hours from contacts.yaml, filled in at load.
 */
export const sharedGapsFileSchema = z.array(z.object({ id: entryId, asks: gapAsksSchema.optional(), says: z.string().min(10) }).strict());

/** A gap of gaps.yaml as read, before its placeholders are filled in. */
export type SharedGap = z.infer<typeof sharedGapsFileSchema>[number];

/** The front matter of one knowledge entry. */
export const entryFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case ASCII'),
    title: z.string().min(3),
    source: z.object({ document: z.string().min(1), section: z.string().min(1) }).strict(),
    audience: z.array(audienceSchema).min(1),
    keywords: z.array(z.string().min(1)).default([]),
    questions: z.array(z.string().min(3)).default([]),
    legal: z
      .array(z.object({ ref: z.string().min(1), act: z.string().min(1), note: z.string().optional() }).strict())
      .default([]),
    /**
     * Yes/no questions the entry settles, with the answer: an answer leads with "Ja"/"Nej" only when one
     * matches. Words in [brackets] are the situation the answer holds in; the question must name one of them.
     */
    yesNo: z.array(z.object({ question: z.string().min(3), answer: z.enum(['ja', 'nej']) }).strict()).default([]),
    /**
     * What staff ask about the entry's topic that its source does not give ("vad checklistan innehåller"): a question
     * with a word of every group in `asks` (compared by stem) is declined with `says` – in our words, that the routines
     * do not give it – and whom to ask, instead of being answered with the entry's other sentences. A gap several
     * entries share is written once in gaps.yaml and named here by its id (`gap:`).
     */
    gaps: z.array(z.union([gapSchema, gapReferenceSchema])).default([]),
    /** The entry's answer in one English sentence, for staff who ask in English. */
    english: z.string().min(10).optional(),
    /**
     * Whom the entry tells staff to reach (call, consult, report to): an answer from it ends with that
     * contact's number for the asker's area.
     */
    contact: z.enum(['mottagningssektion']).optional(),
    /**
     * The other municipalities, districts or national authorities an entry tells of as an example ("Vänersborg",
     * "Skolverket"): a question that names one is answered only by an entry that names it, never by Botkyrka's routine.
     */
    places: z.array(z.string().min(1)).optional(),
    /** Another entry whose point belongs with this one's answer: the answer adds that entry's `point`, cited. */
    followUp: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be the id of a knowledge entry').optional(),
    /**
     * The entry's point in one Swedish sentence, in our words from its cited section: what an answer adds
     * when another entry names this one as its followUp.
     */
    point: z.string().min(10).optional(),
    /** The situation told in a message that this entry answers; at most one entry answers each. */
    situation: entrySituationSchema.optional(),
    status: z.enum(['current', 'superseded']).default('current'),
    supersededBy: z.string().optional(),
    lastReviewed: isoDate,
  })
  .strict()
  .refine((entry) => entry.status !== 'superseded' || entry.supersededBy, {
    message: 'a superseded entry must name supersededBy',
    path: ['supersededBy'],
  });

/** One source document the knowledge base is curated from. */
export const sourceDocumentSchema = z
  .object({
    key: z.string().min(1),
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: z.union([z.string(), z.number(), z.date()]).transform((value) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
    ),
    file: z.string().min(1),
    /** How a compact source line names the document: "Kraftsamling 2016". */
    short: z.string().min(1),
    /**
     * How staff name the document in a question ("Östermalmsrapporten"), searched with every entry from it so that
     * the rest of the question chooses among them. Left out for a document whose name is itself a topic of entries.
     */
    named: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const sourcesFileSchema = z.array(sourceDocumentSchema).min(1);

/** A source document as the answerer cites it. */
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

/** A validated knowledge entry with its body and resolved source document. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly source: { readonly document: SourceDocument; readonly section: string };
  readonly audience: readonly z.infer<typeof audienceSchema>[];
  readonly keywords: readonly string[];
  readonly questions: readonly string[];
  readonly legal: readonly { readonly ref: string; readonly act: string; readonly note?: string }[];
  readonly yesNo: readonly { readonly question: string; readonly answer: 'ja' | 'nej' }[];
  readonly gaps: readonly { readonly asks: readonly (readonly string[])[]; readonly says: string }[];
  readonly english?: string;
  readonly contact?: 'mottagningssektion';
  readonly places?: readonly string[];
  readonly followUp?: string;
  readonly point?: string;
  readonly situation?: EntrySituation;
  readonly status: 'current' | 'superseded';
  readonly supersededBy?: string;
  readonly lastReviewed: string;
  readonly file: string;
}

/** How a source is shown to a user: "Kraftsamlings styrdokument (2016-03-17), avsnitt Anmälan". */
export function describeSource(entry: KnowledgeEntry): string {
  return `${entry.source.document.title} (${entry.source.document.date}), avsnitt ”${entry.source.section}”`;
}

/** A source in a few words, for a compact list: "Kraftsamling 2016, Orosanmälan" (the last step of the section path). */
export function shortSource(entry: KnowledgeEntry): string {
  const { document, section } = sourceParts(entry);
  return `${document}, ${section}`;
}

/** A source's document in a few words and the last step of its section path: "Kraftsamling 2016" and "Orosanmälan". */
export function sourceParts(entry: KnowledgeEntry): { readonly document: string; readonly section: string } {
  const steps = entry.source.section.split(/\s+[–-]\s+/);
  return { document: entry.source.document.short, section: steps[steps.length - 1]!.replace(/^\d+(\.\d+)*\.?\s+/, '') };
}
