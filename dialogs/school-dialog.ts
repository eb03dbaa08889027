import type { TurnContext } from 'botbuilder';
import { teamsGetTenant } from './botbuilder-runtime.js';
import type { PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import { OTHER_SCHOOL_KEY, schoolInfo, schoolNamed, schoolOptions, type SchoolInfo } from '../municipality/schools.js';
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

export type { SchoolInfo } from '../municipality/schools.js';

const SCHOOL_PROMPT = 'schoolDialog.schoolPrompt';
const WATERFALL = 'schoolDialog.waterfall';
const OTHER_SCHOOL = OTHER_SCHOOL_KEY;

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
    const fromRoles = await schoolFromRoles(step.context, this.deps);
    if (fromRoles) {
      // A rektor's school is the roles file's: "byt skola" cannot change it here.
      if (force) await step.context.sendActivity(`Din skola står i rollfilen: ${fromRoles.name}. Be den som administrerar Samverkansboten ändra den om den är fel.`);
      return step.endDialog(fromRoles);
    }
    const known = await knownSchool(step.context, this.deps);
    if (known && !force) return step.endDialog(known);
    const schools = schoolOptions(this.deps.knowledge.contacts);
    const card = cardActivity(schoolCard(schools, this.sources['kontakter-mottagningssektionen']));
    const options: CardPromptOptions = {
      prompt: card,
      retryPrompt: { ...card, text: 'Jag hittade ingen förskola eller skola med det namnet. Välj i listan – eller ”Annan” om din inte finns med.' },
      expect: { action: 'school.choose' },
      question: 'Vilken förskola eller skola arbetar du på?',
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
    await rememberSchoolOf(step.context, this.deps, school);
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

/**
 * What the bot knows of the user's school: a rektor's or förskolechef's school from roles.yaml, else the
 * school they chose (stored in their staff profile); undefined when neither knows it (then it is asked once).
 */
export async function knownSchool(
  context: TurnContext,
  deps: Pick<RoutineDependencies, 'profiles' | 'knowledge' | 'roles' | 'booking' | 'events'>,
): Promise<SchoolInfo | undefined> {
  const fromRoles = await schoolFromRoles(context, deps);
  if (fromRoles) return fromRoles;
  const userId = staffIdOf(context);
  const saved = context.turnState.get(SAVED_SCHOOL) as SavedSchool | undefined;
  const key = saved?.userId === userId ? saved.schoolKey : await deps.profiles.schoolOf(userId);
  return key === undefined ? undefined : schoolInfo(deps.knowledge.contacts, key);
}

/** Remembers the school the user chose, in their staff profile (the tab reads the same). */
export async function rememberSchoolOf(context: TurnContext, deps: Pick<RoutineDependencies, 'profiles'>, school: SchoolInfo): Promise<void> {
  const userId = staffIdOf(context);
  await deps.profiles.rememberSchool(userId, school.key);
  // Should the turn ask again (another routine after this one), the saved school is now this one.
  savedSchoolRead(context, userId, school.key);
}

/**
 * The user's saved school as read in this turn along with the conversation's state (bot/), so
 * `knownSchool` needs no read of its own. Read afresh every turn: another instance may have changed it.
 */
export function savedSchoolRead(context: TurnContext, userId: string, schoolKey: string | undefined): void {
  context.turnState.set(SAVED_SCHOOL, { userId, schoolKey } satisfies SavedSchool);
}

const SAVED_SCHOOL = Symbol('savedSchool');

/** What `savedSchoolRead` keeps in the turn state. */
interface SavedSchool {
  readonly userId: string;
  readonly schoolKey: string | undefined;
}

/** A rektor's or förskolechef's school as the roles file names it, when the bot knows the roles. */
async function schoolFromRoles(context: TurnContext, deps: Pick<RoutineDependencies, 'knowledge' | 'roles' | 'booking' | 'events'>): Promise<SchoolInfo | undefined> {
  return schoolFromRole(context, deps) ?? (await schoolFromBookingRoles(context, deps));
}

function schoolFromRole(context: TurnContext, deps: Pick<RoutineDependencies, 'knowledge' | 'roles'>): SchoolInfo | undefined {
  const { from } = context.activity;
  if (!deps.roles || !from.aadObjectId) return undefined;
  const tenantId = teamsGetTenant(context.activity)?.id || context.activity.conversation?.tenantId || undefined;
  const role = deps.roles.roleOf({ aadObjectId: from.aadObjectId, ...(tenantId ? { tenantId } : {}) });
  const school = role.role === 'rektor' && role.school ? schoolNamed(deps.knowledge.contacts, role.school) : undefined;
  return school?.area ? school : undefined;
}

/**
 * The school the booking service's roles name for this rektor; a failing lookup falls back to asking. The role
 * only: no UPN lookup and no reference saved, since every answer that names a section's number asks for it.
 */
async function schoolFromBookingRoles(context: TurnContext, deps: Pick<RoutineDependencies, 'knowledge' | 'booking' | 'events'>): Promise<SchoolInfo | undefined> {
  if (!deps.booking) return undefined;
  try {
    const role = deps.booking.staff.roleOf(context);
    const school = role.role === 'rektor' && role.school ? schoolNamed(deps.knowledge.contacts, role.school) : undefined;
    return school?.area ? school : undefined;
  } catch (error) {
    deps.events?.portFailed('SCHOOL_FROM_ROLES_FAILED', error);
    return undefined;
  }
}

/** The id a staff member's profile is kept under: the Entra object id (as the tab knows them), else the Teams id. */
export function staffIdOf(context: TurnContext): string {
  return context.activity.from.aadObjectId || context.activity.from.id;
}

function chooseSchool(key: string): CardAction {
  return { action: 'school.choose', school: key };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
