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
import { emergencyLine, nonUrgentCallLines, type WhoToCall } from '../../triage/who-to-call.js';
import {
  adaptiveCard,
  buttonStack,
  facts,
  heading,
  inputSubmitAction,
  paragraph,
  sourceFooter,
  subheading,
  submitAction,
  type AdaptiveCard,
} from './adaptive-card.js';
import { routineStepCard, type RoutineSection } from './routine-step-card.js';

/** Looks up the knowledge entries a part cites (ids validated when the pack was loaded). */
export type EntryLookup = (ids: readonly string[]) => KnowledgeEntry[];

/** The consultation's words, from the pack's routines.yaml. */
export type ConsultationTexts = RoutineTexts['konsultation'];

/** An answer to one question: a button's value, or `egna-ord` when the user wrote it in their own words. */
export type Answered<T> = T | 'egna-ord';

/** What the summary may show: button answers only, never anything the user typed. */
export interface ConsultationSummary {
  readonly ageGroup?: Answered<AgeGroup>;
  readonly concern?: Answered<Concern>;
  readonly duration?: Answered<Duration>;
  readonly schoolActions?: Answered<readonly SchoolAction[]>;
}

/** Question 1 of 4, opened by the anonymity rule. */
export function ageGroupCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.ageGroup;
  return adaptiveCard([
    heading(texts.title),
    paragraph(texts.anonymity.text),
    sourceFooter(entries(texts.anonymity.sources)),
    subheading(question.title),
    ...buttonStack(AGE_GROUPS.map((choice) => submitAction(question.options[choice], { action: 'consultation.ageGroup', choice }))),
    paragraph(texts.ownWordsHint, { subtle: true }),
  ]);
}

/** Question 2 of 4: the routine's definition of "far illa", with akut oro marked. */
export function concernCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.concern;
  return adaptiveCard([
    subheading(question.title),
    ...buttonStack(
      CONCERNS.map((choice) =>
        submitAction(question.options[choice], { action: 'consultation.concern', choice }, choice === AKUT_CONCERN ? { style: 'destructive' } : {}),
      ),
    ),
    ...(question.note ? [paragraph(question.note, { subtle: true })] : []),
    paragraph(texts.ownWordsHint, { subtle: true, spacing: 'None' }),
    sourceFooter(entries(question.sources)),
  ]);
}

/** Question 3 of 4. */
export function durationCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.duration;
  return adaptiveCard([
    subheading(question.title),
    ...buttonStack(DURATIONS.map((choice) => submitAction(question.options[choice], { action: 'consultation.duration', choice }))),
    paragraph(texts.ownWordsHint, { subtle: true }),
    sourceFooter(entries(question.sources)),
  ]);
}

/** Question 4 of 4: several may apply, so tick boxes and one button. */
export function schoolActionsCard(texts: ConsultationTexts, entries: EntryLookup): AdaptiveCard {
  const question = texts.questions.schoolActions;
  return adaptiveCard(
    [
      subheading(question.title),
      {
        type: 'Input.ChoiceSet',
        id: 'choices',
        // The note ("Kryssa i allt som stämmer.") is the list's label, so screen readers and the validator both have one.
        label: question.note ?? 'Välj ett eller flera',
        isMultiSelect: true,
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Kryssa i minst ett alternativ, eller ”Inget ännu”.',
        choices: SCHOOL_ACTIONS.map((choice) => ({ title: question.options[choice], value: choice })),
      },
      paragraph(texts.ownWordsHint, { subtle: true }),
      sourceFooter(entries(question.sources)),
    ],
    [inputSubmitAction('Klar', { action: 'consultation.schoolActions' })],
  );
}

/** What the routine says after the four questions: the pack's guidance parts for this case, with whom to call and the hours filled in. */
export function consultationGuidanceCard(
  input: { readonly preschool: boolean; readonly concern?: Answered<Concern>; readonly who: WhoToCall; readonly hours: string },
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

/** A summary to read from on the phone: the button answers only, so nothing in it identifies the child. */
export function consultationSummaryCard(summary: ConsultationSummary, who: WhoToCall, texts: ConsultationTexts): AdaptiveCard {
  const { questions } = texts;
  const ownWords = texts.summary.ownWords;
  const label = <T extends string>(value: Answered<T> | undefined, labels: Readonly<Record<T, string>>): string =>
    value === undefined ? '–' : value === 'egna-ord' ? ownWords : labels[value];
  const actions =
    summary.schoolActions === undefined
      ? '–'
      : summary.schoolActions === 'egna-ord'
        ? ownWords
        : summary.schoolActions.map((action) => questions.schoolActions.options[action]).join(', ');
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
