import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import { phoneLink, type WhoToCall } from '../../triage/who-to-call.js';
import { adaptiveCard, buttonStack, paragraph, submitAction, type AdaptiveCard } from './adaptive-card.js';
import { routineStepCard } from './routine-step-card.js';

/** The knowledge entries the orosanmälan walk-through cites. */
export const OROSANMALAN_SOURCES = [
  'akut-oro',
  'anmalningsskyldighet',
  'vem-gor-anmalan',
  'anmalan-inte-anonym',
  'checklista-anmalan',
  'orosanmalan',
  'kontakter-mottagningssektionen',
  'muntlig-anmalan',
  'anmalningsmote-planering',
  'anmalningsmote',
  'vad-hander-efter-anmalan',
  'skyddsbedomning',
  'forhandsbedomning',
  'aterkoppling-efter-anmalan',
  'ny-oro-under-utredning',
] as const;

/** The walk-through's entries, by id. */
export type OrosanmalanSources = Readonly<Record<(typeof OROSANMALAN_SOURCES)[number], KnowledgeEntry>>;

const TITLE = 'Orosanmälan steg för steg';

/** First: is it akut oro? Then the user must call, not write. */
export function acuteQuestionCard(sources: OrosanmalanSources): AdaptiveCard {
  return routineStepCard(
    TITLE,
    [
      {
        heading: 'Först: är det akut?',
        text: 'Gäller oron misstänkta **sexuella övergrepp, barnmisshandel, hedersrelaterat våld eller våld i nära relation**? Då är det akut oro: ni ringer direkt och berättar inte för vårdnadshavarna.',
        sources: [sources['akut-oro']],
      },
    ],
    buttonStack([
      submitAction('Ja – det är akut', { action: 'orosanmalan.acute', acute: true }, { style: 'destructive' }),
      submitAction('Nej – inte akut', { action: 'orosanmalan.acute', acute: false }),
    ]),
  );
}

/** Step 1 of 4: the duty to report, and who reports. */
export function dutyToReportCard(sources: OrosanmalanSources): AdaptiveCard {
  return routineStepCard(
    `1 av 4: Vem anmäler?`,
    [
      {
        heading: 'Misstanke räcker',
        text: 'Alla som arbetar med barn är skyldiga att **genast** anmäla när de misstänker att ett barn far illa. Ni behöver inte vara säkra och inte ha bevis – vänta inte för att utreda själva.',
        sources: [sources['anmalningsskyldighet']],
      },
      {
        heading: 'Den som vet ser till att det blir anmält',
        text: 'Rektor/förskolechef kan stötta och stå för anmälan, och elevhälsan kan hjälpa till att formulera den. Vill rektor inte anmäla men du är fortfarande orolig, är du själv skyldig att anmäla.',
        sources: [sources['vem-gor-anmalan']],
      },
      {
        heading: 'Inte anonymt',
        text: 'Personal kan inte anmäla anonymt – anmälan görs i tjänsten, och socialtjänsten behöver kunna nå er. Det som kan vara anonymt är konsultationen före anmälan.',
        sources: [sources['anmalan-inte-anonym']],
      },
    ],
    buttonStack([submitAction('Nästa: skriftlig anmälan', { action: 'orosanmalan.next', step: 'anmalningsskyldighet' })]),
  );
}

/** Step 2 of 4: the written report with the checklist, fax and a call, oral first when urgent. */
export function writtenReportCard(
  input: { readonly who: WhoToCall; readonly faxes: readonly { readonly name: string; readonly fax: string }[]; readonly checklistUrl?: string },
  sources: OrosanmalanSources,
): AdaptiveCard {
  const checklist = input.checklistUrl
    ? `[checklistan för orosanmälan](${input.checklistUrl})`
    : 'kommunens checklista för orosanmälan (på Botwebb – hittar ni den inte, fråga er kontaktperson eller mottagningssektionen)';
  const faxAndCall = input.faxes
    .map((section) => {
      const phone = input.who.sections.find((s) => s.name === section.name);
      return `${section.name}: fax ${section.fax}, telefon ${phone ? phoneLink(phone) : ''}`;
    })
    .join('\n\n');
  const now = input.who.open ? `${input.who.openingText}.` : `${input.who.closedReason}. ${input.who.openingText}; till dess tar socialjouren emot brådskande anmälningar.`;
  return routineStepCard(
    '2 av 4: Skriftlig anmälan',
    [
      {
        heading: 'Skriv anmälan',
        text: `Gör anmälan skriftligt och använd ${checklist}. Skriv konkret vad ni har sett och hört och vad ni oroar er för.`,
        sources: [sources['checklista-anmalan']],
      },
      {
        heading: 'Faxa – och ring',
        text: `Faxa anmälan och ring sedan mottagningssektionen och säg att den är på väg. Vänta inte till nästa EHT-möte.\n\n${faxAndCall}`,
        sources: [sources['orosanmalan'], sources['kontakter-mottagningssektionen']],
      },
      {
        heading: 'Brådskar det?',
        text: `Anmäl muntligt först – ring mottagningssektionen, eller socialjouren när den är stängd – och skicka den skriftliga anmälan efteråt. Just nu: ${now}`,
        sources: [sources['muntlig-anmalan']],
      },
    ],
    buttonStack([submitAction('Nästa: anmälningsmötet', { action: 'orosanmalan.next', step: 'skriftlig-anmalan' })]),
  );
}

/** Step 3 of 4: planning the anmälningsmöte with social services. */
export function anmalningsmoteCard(sources: OrosanmalanSources): AdaptiveCard {
  return routineStepCard(
    '3 av 4: Planera anmälningsmötet',
    [
      {
        text: [
          'Kom överens med socialsekreteraren om en tid redan när ni anmäler.',
          'Lägg mötet **inom 14 dagar** – socialtjänsten ska besluta om utredning inom den tiden.',
          '**Förskolan/skolan kallar vårdnadshavarna.**',
          'Mötet hålls på förskolan/skolan, om ni inte kommer överens om något annat.',
          'På mötet berättar förskolan/skolan om sin oro, så att familjen hör samma sak som socialtjänsten.',
          'Vid akut oro hålls **inget** anmälningsmöte.',
        ],
        sources: [sources['anmalningsmote-planering'], sources['anmalningsmote']],
      },
    ],
    buttonStack([submitAction('Nästa: vad händer sedan?', { action: 'orosanmalan.next', step: 'anmalningsmote' })]),
  );
}

/** Step 4 of 4: what happens after the report, and the offer of a reminder on day 14. */
export function whatHappensNextCard(input: { readonly reminderDay: string }, sources: OrosanmalanSources): AdaptiveCard {
  return routineStepCard(
    '4 av 4: Vad händer sedan?',
    [
      {
        text: [
          '**Bekräftelse:** ni får veta att anmälan har tagits emot och av vem. Har ni inte fått någon bekräftelse, hör av er till mottagningssektionen.',
          '**Skyddsbedömning:** socialtjänsten bedömer genast om barnet behöver skydd.',
          '**Förhandsbedömning:** inom 14 dagar beslutar socialtjänsten om en utredning ska inledas.',
          '**Återkoppling:** ni får besked om att utredning har inletts, inte har inletts eller redan pågår. Mer än så får ni bara veta om vårdnadshavarna samtycker.',
          '**Ny oro är en ny anmälan** – även om socialtjänsten redan utreder.',
        ],
        sources: [
          sources['vad-hander-efter-anmalan'],
          sources['skyddsbedomning'],
          sources['forhandsbedomning'],
          sources['aterkoppling-efter-anmalan'],
          sources['ny-oro-under-utredning'],
        ],
      },
      {
        heading: 'Påminnelse dag 14?',
        text: `Vill du att jag påminner dig ${input.reminderDay}? Då frågar jag om förskolan/skolan har fått återkoppling – och påminner om vad ni har rätt att få veta.`,
        sources: [sources['aterkoppling-efter-anmalan']],
      },
    ],
    buttonStack([
      submitAction('Ja, påminn mig dag 14', { action: 'orosanmalan.reminder', want: true }, { style: 'positive' }),
      submitAction('Nej tack', { action: 'orosanmalan.reminder', want: false }),
    ]),
  );
}

/** After the steps: the anmälningsmöte is planned with the social services within 14 days — offer to book it here. */
export function bookAnmalningsmoteOfferCard(): AdaptiveCard {
  return adaptiveCard(
    [paragraph('Nästa steg är att planera anmälningsmötet med socialtjänsten inom 14 dagar. Rektor eller förskolechef kan boka en tid direkt här.')],
    [submitAction('Boka anmälningsmöte', { action: 'booking.start', flow: 'boka-anmalningsmote' }, { style: 'positive' })],
  );
}
