import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Area, Contacts } from '../municipality/contacts.js';
import type { CardAction } from './card-actions.js';
import { CardPrompt, type CardPromptAnswer, type CardPromptOptions } from './card-prompt.js';
import { cardActivity } from './cards/adaptive-card.js';
import { schoolCard } from './cards/school-card.js';
import type { RoutineDependencies } from './routine-dependencies.js';
import { requireEntries } from './routine-sources.js';

/** Dialog id of the school question. */
export const SCHOOL_DIALOG_ID = 'schoolDialog';

/** Options: `force` asks again even when the school is known ("byt skola"). */
export interface SchoolDialogOptions {
  readonly force?: boolean;
}

/** What is kept in user state: the key of the user's school. Staff data, not child data. */
export interface StaffProfile {
  readonly schoolKey: string;
}

/** A school as the dialogs use it; `area` is undefined for "another school, area unknown". */
export interface SchoolInfo {
  readonly key: string;
  /** As shown in the list: "Hallundaskolan", "Annan förskola/skola i Norr (…)". */
  readonly label: string;
  /** As written in an alert or a sentence: "Hallundaskolan", "annan förskola/skola i Norr". */
  readonly name: string;
  readonly area?: Area;
  readonly kind?: 'forskola' | 'grundskola' | 'gymnasium';
}

const SCHOOL_PROMPT = 'schoolDialog.schoolPrompt';
const WATERFALL = 'schoolDialog.waterfall';
const OTHER_SCHOOL = 'annan';

/** Asks the user's förskola/skola once, with a list from contacts.yaml plus "annan", and remembers it. */
export class SchoolDialog extends ComponentDialog {
  private readonly sources;

  constructor(private readonly deps: RoutineDependencies) {
    super(SCHOOL_DIALOG_ID);
    this.sources = requireEntries(deps.knowledge, ['kontakter-mottagningssektionen']);
    this.addDialog(new CardPrompt(SCHOOL_PROMPT, (prompt) => this.isKnownSchool(prompt)));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.askSchool.bind(this), this.rememberSchool.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async askSchool(step: WaterfallStepContext) {
    const { force } = (step.options ?? {}) as SchoolDialogOptions;
    const known = await knownSchool(step.context, this.deps);
    if (known && !force) return step.endDialog(known);
    const schools = schoolOptions(this.deps.knowledge.contacts);
    const card = cardActivity(schoolCard(schools, this.sources['kontakter-mottagningssektionen']));
    const options: CardPromptOptions = {
      prompt: card,
      retryPrompt: { ...card, text: 'Jag hittade ingen förskola eller skola med det namnet. Välj i listan – eller ”Annan” om din inte finns med.' },
      expect: { action: 'school.choose' },
      textAnswers: [
        ...schools.map((school) => ({ pattern: `^${escapeRegExp(school.name)}[\\s.!]*$`, action: chooseSchool(school.key) })),
        { pattern: '^(annan|annat|vet inte|ingen av dem)[\\s.!]*$', action: chooseSchool(OTHER_SCHOOL) },
      ],
    };
    return step.prompt(SCHOOL_PROMPT, options);
  }

  private async rememberSchool(step: WaterfallStepContext) {
    const answer = step.result as CardPromptAnswer;
    const key = answer.kind === 'card' && answer.action.action === 'school.choose' ? answer.action.school : OTHER_SCHOOL;
    const school = schoolInfo(this.deps.knowledge.contacts, key) ?? schoolInfo(this.deps.knowledge.contacts, OTHER_SCHOOL)!;
    await this.deps.staffProfile.set(step.context, { schoolKey: school.key });
    const section = this.deps.knowledge.contacts.mottagningssektioner.find((s) => s.area === school.area);
    await step.context.sendActivity(
      section
        ? `Tack! Jag kommer ihåg att du arbetar på ${school.name} (${section.name}). Skriv **byt skola** om det ändras.`
        : 'Tack! Jag vet inte vilken mottagningssektion din förskola/skola hör till, så jag visar båda sektionernas nummer. Skriv **byt skola** om du vill välja igen.',
    );
    return step.endDialog(school);
  }

  private async isKnownSchool(prompt: PromptValidatorContext<CardPromptAnswer>): Promise<boolean> {
    const answer = prompt.recognized.value;
    return answer?.kind === 'card' && answer.action.action === 'school.choose' && schoolInfo(this.deps.knowledge.contacts, answer.action.school) !== undefined;
  }
}

/** The user's remembered school, or undefined when it was never asked (or is no longer in the list). */
export async function knownSchool(context: TurnContext, deps: Pick<RoutineDependencies, 'staffProfile' | 'knowledge'>): Promise<SchoolInfo | undefined> {
  const profile = await deps.staffProfile.get(context);
  return profile ? schoolInfo(deps.knowledge.contacts, profile.schoolKey) : undefined;
}

/** Every choice in the school list: the schools in contacts.yaml by name, then "annan" per area and "annan, vet inte". */
export function schoolOptions(contacts: Contacts): SchoolInfo[] {
  const schools = [...contacts.schools]
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((school) => schoolInfo(contacts, schoolKey(school.name))!);
  const others = contacts.mottagningssektioner.map((section) => schoolInfo(contacts, `${OTHER_SCHOOL}-${section.area}`)!);
  return [...schools, ...others, schoolInfo(contacts, OTHER_SCHOOL)!];
}

/** A school by key, with its area resolved from the LSG mapping; undefined for an unknown key. */
export function schoolInfo(contacts: Contacts, key: string): SchoolInfo | undefined {
  if (key === OTHER_SCHOOL) return { key, label: 'Annan förskola/skola – vet inte vilket område', name: 'en annan förskola/skola' };
  const section = contacts.mottagningssektioner.find((s) => key === `${OTHER_SCHOOL}-${s.area}`);
  if (section) {
    const places = contacts.lsgAreas.filter((lsg) => lsg.area === section.area).map((lsg) => lsg.name).join(', ');
    const areaName = section.name.replace(/^Mottagningssektion\s+/u, '');
    return { key, label: `Annan förskola/skola i ${areaName} (${places})`, name: `en annan förskola/skola i ${areaName}`, area: section.area };
  }
  const school = contacts.schools.find((s) => schoolKey(s.name) === key);
  if (!school) return undefined;
  const area = contacts.lsgAreas.find((lsg) => lsg.key === school.lsg)?.area;
  return { key, label: school.name, name: school.name, area, kind: school.kind };
}

/** A stable key for a school name: "S:t Botvids gymnasium" → "s-t-botvids-gymnasium". */
export function schoolKey(name: string): string {
  return name
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function chooseSchool(key: string): CardAction {
  return { action: 'school.choose', school: key };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
