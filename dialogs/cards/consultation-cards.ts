import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  AKUT_CONCERN,
  CONCERN_LABELS,
  CONCERNS,
  DURATION_LABELS,
  DURATIONS,
  SCHOOL_ACTION_LABELS,
  SCHOOL_ACTIONS,
  type AgeGroup,
  type Concern,
  type Duration,
  type SchoolAction,
} from '../consultation-questions.js';
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

/** The knowledge entries the consultation cites. */
export const CONSULTATION_SOURCES = [
  'anonym-konsultation',
  'barn-som-far-illa',
  'akut-oro',
  'konsultation',
  'forskola-kontakt-mottagningen',
  'anmalningsskyldighet',
  'ansvaret-for-anmalan',
  'telefontider-mottagningen',
  'team-skolnarvaro',
] as const;

/** The consultation's entries, by id. */
export type ConsultationSources = Readonly<Record<(typeof CONSULTATION_SOURCES)[number], KnowledgeEntry>>;

/** An answer to one question: a button's value, or `egna-ord` when the user wrote it in their own words. */
export type Answered<T> = T | 'egna-ord';

/** What the summary may show: button answers only, never anything the user typed. */
export interface ConsultationSummary {
  readonly ageGroup?: Answered<AgeGroup>;
  readonly concern?: Answered<Concern>;
  readonly duration?: Answered<Duration>;
  readonly schoolActions?: Answered<readonly SchoolAction[]>;
}

const OWN_WORDS_HINT = 'Passar inget? Skriv med egna ord – utan namn eller annat som pekar ut barnet.';

/** Question 1 of 4, opened by the anonymity rule. */
export function ageGroupCard(sources: ConsultationSources): AdaptiveCard {
  return adaptiveCard([
    heading('Anonym konsultation'),
    paragraph('**Skriv inte barnets namn, personnummer eller annat som pekar ut barnet.** Så snart sådana uppgifter kommer fram är konsultationen inte längre anonym.'),
    sourceFooter([sources['anonym-konsultation']]),
    subheading('1 av 4: Hur gammalt är barnet?'),
    ...buttonStack(AGE_GROUPS.map((choice) => submitAction(AGE_GROUP_LABELS[choice], { action: 'consultation.ageGroup', choice }))),
    paragraph(OWN_WORDS_HINT, { subtle: true }),
  ]);
}

/** Question 2 of 4: the routine's definition of "far illa", with akut oro marked. */
export function concernCard(sources: ConsultationSources): AdaptiveCard {
  return adaptiveCard([
    subheading('2 av 4: Vad gäller oron?'),
    ...buttonStack(
      CONCERNS.map((choice) =>
        submitAction(CONCERN_LABELS[choice], { action: 'consultation.concern', choice }, choice === AKUT_CONCERN ? { style: 'destructive' } : {}),
      ),
    ),
    paragraph('Våld eller övergrepp i familjen är **akut oro** – då visar jag direkt vem du ska ringa.', { subtle: true }),
    paragraph(OWN_WORDS_HINT, { subtle: true, spacing: 'None' }),
    sourceFooter([sources['barn-som-far-illa'], sources['akut-oro']]),
  ]);
}

/** Question 3 of 4. */
export function durationCard(sources: ConsultationSources): AdaptiveCard {
  return adaptiveCard([
    subheading('3 av 4: Hur länge har ni varit oroliga?'),
    ...buttonStack(DURATIONS.map((choice) => submitAction(DURATION_LABELS[choice], { action: 'consultation.duration', choice }))),
    paragraph(OWN_WORDS_HINT, { subtle: true }),
    sourceFooter([sources['anonym-konsultation']]),
  ]);
}

/** Question 4 of 4: several may apply, so tick boxes and one button. */
export function schoolActionsCard(sources: ConsultationSources): AdaptiveCard {
  return adaptiveCard(
    [
      subheading('4 av 4: Vad har förskolan/skolan gjort hittills?'),
      paragraph('Kryssa i allt som stämmer.', { subtle: true, spacing: 'None' }),
      {
        type: 'Input.ChoiceSet',
        id: 'choices',
        isMultiSelect: true,
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Kryssa i minst ett alternativ, eller ”Inget ännu”.',
        choices: SCHOOL_ACTIONS.map((choice) => ({ title: SCHOOL_ACTION_LABELS[choice], value: choice })),
      },
      paragraph(OWN_WORDS_HINT, { subtle: true }),
      sourceFooter([sources['konsultation']]),
    ],
    [inputSubmitAction('Klar', { action: 'consultation.schoolActions' })],
  );
}

/** What the routine says after the four questions: no certainty needed, whom to consult, the hours. */
export function consultationGuidanceCard(
  input: { readonly preschool: boolean; readonly concern?: Answered<Concern>; readonly who: WhoToCall; readonly hours: string },
  sources: ConsultationSources,
): AdaptiveCard {
  const sections: RoutineSection[] = [
    {
      heading: 'Ni behöver inte vara säkra',
      text: 'Anmälningsskyldigheten gäller redan när ni **misstänker** att ett barn far illa – ni behöver varken vara säkra eller ha bevis. Anmäl då genast; det är socialtjänsten som utreder.',
      sources: [sources['anmalningsskyldighet']],
    },
    input.preschool
      ? {
          heading: 'Konsultera mottagningssektionen',
          text: 'Förskolor har ingen kontaktperson från socialtjänsten: ring mottagningssektionen direkt på telefontid. Konsultationen är anonym så länge barnet inte går att identifiera.',
          sources: [sources['forskola-kontakt-mottagningen']],
        }
      : {
          heading: 'Konsultera er kontaktperson eller mottagningssektionen',
          text: 'Ta upp situationen anonymt med er kontaktperson från socialtjänsten när hen besöker elevhälsoteamet – eller ring mottagningssektionen på telefontid. Förskolor ringer alltid mottagningssektionen.',
          sources: [sources['konsultation']],
        },
    {
      heading: 'Telefontider',
      text: [...nonUrgentCallLines(input.who), `Telefontider: ${input.hours}.`, emergencyLine(input.who)].join('\n\n'),
      sources: [sources['telefontider-mottagningen']],
    },
    {
      heading: 'Ansvaret är ert',
      text: 'Konsultationen stöttar er bedömning men flyttar inte ansvaret. Känner ni fortfarande oro efter samtalet ska ni anmäla.',
      sources: [sources['ansvaret-for-anmalan']],
    },
    ...(input.concern === 'skolsvarigheter'
      ? [
          {
            heading: 'Hög frånvaro',
            text: 'Vid hög olovlig frånvaro kan rektor eller elevhälsoteamet fråga resursenheten om tidigt stöd, till exempel Team skolnärvaro. Tyder frånvaron på att barnet far illa gäller anmälningsskyldigheten.',
            sources: [sources['team-skolnarvaro']],
          },
        ]
      : []),
  ];
  return routineStepCard('Det här säger rutinen', sections);
}

/** A summary to read from on the phone: the button answers only, so nothing in it identifies the child. */
export function consultationSummaryCard(summary: ConsultationSummary, who: WhoToCall): AdaptiveCard {
  const ownWords = 'Berätta med egna ord i samtalet';
  const label = <T extends string>(value: Answered<T> | undefined, labels: Readonly<Record<T, string>>): string =>
    value === undefined ? '–' : value === 'egna-ord' ? ownWords : labels[value];
  const actions =
    summary.schoolActions === undefined
      ? '–'
      : summary.schoolActions === 'egna-ord'
        ? ownWords
        : summary.schoolActions.map((action) => SCHOOL_ACTION_LABELS[action]).join(', ');
  return adaptiveCard([
    heading('Sammanfattning inför samtalet'),
    paragraph('Läs från den här när du ringer. Den innehåller bara dina knappval – inget som pekar ut barnet.', { subtle: true, spacing: 'None' }),
    facts([
      ['Ålder', label(summary.ageGroup, AGE_GROUP_LABELS)],
      ['Oron gäller', label(summary.concern, CONCERN_LABELS)],
      ['Hur länge', label(summary.duration, DURATION_LABELS)],
      ['Förskolan/skolan har', actions],
      ['Ring', who.sections.map((c) => `${c.name} ${c.phone}`).join(' · ')],
    ]),
    paragraph('**Säg inte barnets namn i samtalet** om konsultationen ska vara anonym.'),
  ]);
}
