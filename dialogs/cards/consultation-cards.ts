import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import {
  AGE_GROUPS,
  AKUT_CONCERN,
  CONCERNS,
  DURATIONS,
  SCHOOL_ACTIONS,
  type AgeGroup,
  type Concern,
  type Duration,
  type SchoolAction,
} from '../../municipality/consultation-questions.js';
import { fillPlaceholders, partsFor, type PartCondition, type RoutineTexts } from '../../municipality/routine-texts.js';
import type { SchoolInfo } from '../../municipality/schools.js';
import { emergencyLine, nonUrgentCallLines, type WhoToCall } from '../../triage/who-to-call.js';
import {
  adaptiveCard,
  buttonStack,
  facts,
  heading,
  inputSubmitAction,
  openUrlAction,
  paragraph,
  sourceFooter,
  subheading,
  submitAction,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { routineStepCard, type RoutineSection } from './routine-step-card.js';
import { schoolChoice } from './school-card.js';

/** Looks up the knowledge entries a part cites (ids validated when the pack was loaded). */
export type EntryLookup = (ids: readonly string[]) => KnowledgeEntry[];

/** The consultation's words, from the pack's routines.yaml. */
export type ConsultationTexts = RoutineTexts['konsultation'];

/** What the summary may show: the options chosen (pressed, or typed and matched), never anything the user typed. */
export interface ConsultationSummary {
  readonly ageGroup?: AgeGroup;
  readonly concern?: Concern;
  readonly duration?: Duration;
  readonly schoolActions?: readonly SchoolAction[];
}

type Question<Code extends string> = { readonly options: Readonly<Record<Code, string>>; readonly details?: Readonly<Partial<Record<Code, string>>> };

/** The short labels explained, one line each, for the options that have a detail (the buttons stay short). */
function optionDetails<Code extends string>(question: Question<Code>, codes: readonly Code[]): CardElement[] {
  const lines = codes.flatMap((code) => {
    const detail = question.details?.[code];
    return detail ? [`- **${question.options[code]}**: ${detail}`] : [];
  });
  return lines.length > 0 ? [{ ...paragraph(lines.join('\n'), { spacing: 'Small' }), size: 'Small' }] : [];
}

/** Question 1 of 4, opened by the anonymity rule. */
export function ageGroupCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.ageGroup;
  return adaptiveCard([
    heading(texts.title),
    paragraph(texts.anonymity.text),
    sourceFooter(entries(texts.anonymity.sources)),
    subheading(question.title),
    ...optionDetails(question, AGE_GROUPS),
    ...buttonStack(AGE_GROUPS.map((choice) => submitAction(question.options[choice], { action: 'consultation.ageGroup', choice }))),
    paragraph(texts.choiceHint, { subtle: true }),
  ]);
}

/** Question 2 of 4: the routine's definition of "far illa", with akut oro marked. */
export function concernCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.concern;
  return adaptiveCard([
    subheading(question.title),
    ...optionDetails(question, CONCERNS),
    ...buttonStack(
      CONCERNS.map((choice) =>
        submitAction(question.options[choice], { action: 'consultation.concern', choice }, choice === AKUT_CONCERN ? { style: 'destructive' } : {}),
      ),
    ),
    ...(question.note ? [paragraph(question.note, { subtle: true })] : []),
    paragraph(texts.choiceHint, { subtle: true, spacing: 'None' }),
    sourceFooter(entries(question.sources)),
  ]);
}

/** Question 3 of 4. */
export function durationCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.duration;
  return adaptiveCard([
    subheading(question.title),
    ...optionDetails(question, DURATIONS),
    ...buttonStack(DURATIONS.map((choice) => submitAction(question.options[choice], { action: 'consultation.duration', choice }))),
    paragraph(texts.choiceHint, { subtle: true }),
    sourceFooter(entries(question.sources)),
  ]);
}

/**
 * Question 4 of 4: several may apply, so tick boxes and one button. When the user's school is not known
 * yet, the same card asks it once (a list), so the summary can give their own section's number.
 */
export function schoolActionsCard(texts: ConsultationTexts, entries: EntryLookup, askSchool?: readonly SchoolInfo[]): AdaptiveCard {
  const question = texts.questions.schoolActions;
  return adaptiveCard(
    [
      subheading(question.title),
      ...(question.note ? [paragraph(question.note, { subtle: true, spacing: 'None' })] : []),
      ...optionDetails(question, SCHOOL_ACTIONS),
      {
        type: 'Input.ChoiceSet',
        id: 'choices',
        label: 'Det här har vi gjort',
        isMultiSelect: true,
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: 'Kryssa i minst ett alternativ, eller ”Inget ännu”.',
        choices: SCHOOL_ACTIONS.map((choice) => ({ title: question.options[choice], value: choice })),
      },
      ...(askSchool ? [schoolChoice(askSchool, 'Din förskola/skola – så visar jag rätt nummer (jag frågar bara en gång)')] : []),
      paragraph(texts.choiceHint, { subtle: true }),
      sourceFooter(entries(question.sources)),
    ],
    [inputSubmitAction('Klar', { action: 'consultation.schoolActions' })],
  );
}

/** What the routine says after the four questions: the pack's guidance parts for this case, with whom to call and the hours filled in. */
export function consultationGuidanceCard(
  input: { readonly preschool: boolean; readonly concern?: Concern; readonly who: WhoToCall; readonly hours: string },
  texts: ConsultationTexts,
  entries: EntryLookup,
): AdaptiveCard {
  const holds = new Set<PartCondition>([input.preschool ? 'forskola' : 'skola', ...(input.concern === 'skolsvarigheter' ? (['oro-skolsvarigheter'] as const) : [])]);
  const values = { ringNu: nonUrgentCallLines(input.who).join('\n\n'), telefontider: input.hours, nodlage: emergencyLine(input.who) };
  const sections: RoutineSection[] = partsFor(texts.guidance.parts, holds).map((part) => ({
    ...(part.heading ? { heading: part.heading } : {}),
    text: typeof part.text === 'string' ? fillPlaceholders(part.text, values) : part.text.map((line) => fillPlaceholders(line, values)),
    sources: entries(part.sources),
  }));
  return routineStepCard(texts.guidance.title, sections);
}

/** A summary to read from on the phone: the chosen options only, so nothing in it identifies the child. */
export function consultationSummaryCard(summary: ConsultationSummary, who: WhoToCall, texts: ConsultationTexts): AdaptiveCard {
  const { questions } = texts;
  const label = <T extends string>(value: T | undefined, labels: Readonly<Record<T, string>>): string => (value === undefined ? '–' : labels[value]);
  const actions = summary.schoolActions === undefined ? '–' : summary.schoolActions.map((action) => questions.schoolActions.options[action]).join(', ');
  return adaptiveCard([
    heading(texts.summary.title),
    paragraph(texts.summary.intro, { subtle: true, spacing: 'None' }),
    facts([
      ['Ålder', label(summary.ageGroup, questions.ageGroup.options)],
      ['Oron gäller', label(summary.concern, questions.concern.options)],
      ['Hur länge', label(summary.duration, questions.duration.options)],
      ['Förskolan/skolan har', actions],
      ['Ring', who.sections.map((c) => `${c.name} ${c.phone}`).join(' · ')],
    ]),
    paragraph(texts.summary.closing),
  ]);
}

/** After the summary: call the section now, book a consultation time, or start an orosanmälan. */
export function consultationNextStepsCard(who: WhoToCall, texts: ConsultationTexts): AdaptiveCard {
  const when = who.open ? `${who.openingText}.` : `${who.closedReason}. ${who.openingText}.`;
  return adaptiveCard([
    subheading(texts.summary.nextSteps),
    paragraph(when, { subtle: true, spacing: 'None' }),
    ...buttonStack([
      ...who.sections.map((section) => openUrlAction(`Ring ${section.name}`, section.tel)),
      submitAction('Boka konsultationstid', { action: 'booking.start', flow: 'boka-konsultation' }),
      submitAction('Starta orosanmälan', { action: 'menu', routine: 'orosanmalan' }),
    ]),
  ]);
}
