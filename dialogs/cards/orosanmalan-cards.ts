import { unbreakableNumber } from '../../municipality/contacts.js';
import type { RoutineTexts } from '../../municipality/routine-texts.js';
import { fillPlaceholders, type RoutinePart } from '../../municipality/routine-texts.js';
import { phoneLink, type WhoToCall } from '../../triage/who-to-call.js';
import { adaptiveCard, buttonStack, paragraph, submitAction, type AdaptiveCard } from './adaptive-card.js';
import type { EntryLookup } from './consultation-cards.js';
import { routineStepCard, type RoutineSection } from './routine-step-card.js';

/** The walk-through's words, from the pack's routines.yaml. */
export type OrosanmalanTexts = RoutineTexts['orosanmalan'];

/** First: is it akut oro? Then the user must call, not write. */
export function acuteQuestionCard(texts: OrosanmalanTexts, entries: EntryLookup): AdaptiveCard {
  const step = texts.acuteQuestion;
  return routineStepCard(
    step.title ?? texts.title,
    sections(step.parts, entries),
    buttonStack([
      submitAction(step.buttons.yes, { action: 'orosanmalan.acute', acute: true }, { style: 'destructive' }),
      submitAction(step.buttons.no, { action: 'orosanmalan.acute', acute: false }),
    ]),
  );
}

/** Step 1 of 4: the duty to report, and who reports. */
export function dutyToReportCard(texts: OrosanmalanTexts, entries: EntryLookup): AdaptiveCard {
  const step = texts.dutyToReport;
  return routineStepCard(step.title ?? texts.title, sections(step.parts, entries), buttonStack([submitAction(step.buttons.next, { action: 'orosanmalan.next', step: 'anmalningsskyldighet' })]));
}

/** Step 2 of 4: the written report with the checklist, fax and a call, oral first when urgent. */
export function writtenReportCard(
  input: { readonly who: WhoToCall; readonly faxes: readonly { readonly name: string; readonly fax: string }[]; readonly checklistUrl?: string },
  texts: OrosanmalanTexts,
  entries: EntryLookup,
): AdaptiveCard {
  const step = texts.writtenReport;
  const checklista = input.checklistUrl ? `[${step.checklist.link}](${input.checklistUrl})` : step.checklist.withoutLink;
  const faxOchTelefon = input.faxes
    .map((section) => {
      const phone = input.who.sections.find((s) => s.name === section.name);
      return `${section.name}: fax ${unbreakableNumber(section.fax)}, telefon ${phone ? phoneLink(phone) : ''}`;
    })
    .join('\n\n');
  const justNu = input.who.open ? `${input.who.openingText}.` : `${input.who.closedReason}. ${input.who.openingText}; till dess tar socialjouren emot brådskande anmälningar.`;
  return routineStepCard(
    step.title ?? texts.title,
    sections(step.parts, entries, { checklista, faxOchTelefon, justNu }),
    buttonStack([submitAction(step.buttons.next, { action: 'orosanmalan.next', step: 'skriftlig-anmalan' })]),
  );
}

/**
 * Step 3 of 4: planning the anmälningsmöte with social services — with "Boka anmälningsmöte" first
 * when the user may book it here (a rektor or förskolechef), since this is where the routine plans it.
 */
export function anmalningsmoteCard(texts: OrosanmalanTexts, entries: EntryLookup, options: { readonly canBook?: boolean } = {}): AdaptiveCard {
  const step = texts.anmalningsmote;
  const book = options.canBook ? [submitAction(texts.afterSteps.bookingButton, { action: 'orosanmalan.next', step: 'anmalningsmote', book: true }, { style: 'positive' })] : [];
  return routineStepCard(
    step.title ?? texts.title,
    sections(step.parts, entries),
    buttonStack([...book, submitAction(step.buttons.next, { action: 'orosanmalan.next', step: 'anmalningsmote' })]),
  );
}

/** Step 4 of 4: what happens after the report, and the offer of a reminder on day 14. */
export function whatHappensNextCard(input: { readonly reminderDay: string }, texts: OrosanmalanTexts, entries: EntryLookup): AdaptiveCard {
  const step = texts.whatHappensNext;
  return routineStepCard(
    step.title ?? texts.title,
    sections(step.parts, entries, { paminnelsedag: input.reminderDay }),
    buttonStack([
      submitAction(step.buttons.yes, { action: 'orosanmalan.reminder', want: true }, { style: 'positive' }),
      submitAction(step.buttons.no, { action: 'orosanmalan.reminder', want: false }),
    ]),
  );
}

/** A step's parts as card sections, placeholders filled. */
function sections(parts: readonly RoutinePart[], entries: EntryLookup, values: Readonly<Record<string, string>> = {}): RoutineSection[] {
  return parts.map((part) => ({
    ...(part.heading ? { heading: part.heading } : {}),
    text: typeof part.text === 'string' ? fillPlaceholders(part.text, values) : part.text.map((line) => fillPlaceholders(line, values)),
    sources: entries(part.sources),
  }));
}

/** After the steps: the anmälningsmöte is planned with the social services — offer to book it here. */
export function bookAnmalningsmoteOfferCard(texts: OrosanmalanTexts): AdaptiveCard {
  return adaptiveCard(
    [paragraph(texts.afterSteps.bookingOffer)],
    [submitAction(texts.afterSteps.bookingButton, { action: 'booking.start', flow: 'boka-anmalningsmote' }, { style: 'positive' })],
  );
}
