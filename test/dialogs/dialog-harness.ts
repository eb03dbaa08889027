import { fileURLToPath } from 'node:url';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { createRoleDirectory, type RoleAssignment } from '../../municipality/roles.js';
import { loadRoutineTexts, type RoutineTexts } from '../../municipality/routine-texts.js';
import type { AterkopplingReminder, CallbackRequest, CloseCallbackRequest, CloseCallbackResult } from '../../dialogs/ports.js';
import { instantAt } from '../../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../../scheduling/swedish-time.js';

const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
let knowledgePromise: Promise<KnowledgeBase> | undefined;

/** The real knowledge base, loaded once per test file. */
export function realKnowledge(): Promise<KnowledgeBase> {
  knowledgePromise ??= loadKnowledge(knowledgeDir);
  return knowledgePromise;
}

let routinesPromise: Promise<RoutineTexts> | undefined;

/** The real routine texts (routines.yaml), loaded once per test file. */
export function realRoutines(): Promise<RoutineTexts> {
  routinesPromise ??= realKnowledge().then((knowledge) => loadRoutineTexts(knowledgeDir, new Set(knowledge.entries.map((entry) => entry.id))));
  return routinesPromise;
}

/** An instant given as Stockholm wall-clock time: `stockholm(2026, 11, 23, 12, 30)`. */
export function stockholm(year: number, month: number, day: number, hour: number, minute: number): Date {
  return instantAt({ year, month, day }, hour, minute, SWEDISH_TIMEZONE);
}

/** The id the fake escalation port gives every alert it "sends". */
export const HARNESS_ESCALATION_ID = 'bcdfghjkmnpqrstvwxzbcdfghj';

/** How the fake ports behave. */
export interface HarnessOptions {
  readonly now: Date;
  readonly escalation?: 'sent' | 'no-channel' | 'throws';
  /** What closing an alert ("det är löst", "återkalla") answers; `closed` by Mottagningssektion Norr by default. */
  readonly close?: CloseCallbackResult | 'throws';
  readonly reminders?: 'stored' | 'throws';
  readonly checklistUrl?: string;
  /** roles.yaml's people; a rektor's school is then known without asking (the user's `from.aadObjectId`). */
  readonly roles?: readonly RoleAssignment[];
  /** Run every turn through the dialog stack, as `MainDialog.run` did before it answered plain questions directly. */
  readonly fullDialogPath?: boolean;
}

/** The main dialog on botbuilder's TestAdapter with a fixed clock, real knowledge and recording ports. */
export interface DialogHarness {
  /** Sends text or an activity (e.g. `{ value }` for a card submit) and returns the bot's replies. */
  send(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Presses a card button: sends its data as `activity.value`, like Teams does. */
  press(value: unknown): Promise<Partial<Activity>[]>;
  setNow(now: Date): void;
  readonly escalations: CallbackRequest[];
  readonly closes: CloseCallbackRequest[];
  readonly reminders: AterkopplingReminder[];
  readonly events: string[];
  readonly knowledge: KnowledgeBase;
  readonly adapter: TestAdapter;
  /** Where conversation state is kept, to check what was stored. */
  readonly storage: MemoryStorage;
  /** Each user's school as the profile port was told it, by user id. */
  readonly profiles: ReadonlyMap<string, string>;
}

/** Builds a harness; user and conversation state live in one MemoryStorage for its lifetime. */
export async function createDialogHarness(options: HarnessOptions): Promise<DialogHarness> {
  const knowledge = await realKnowledge();
  const answerer = await createAnswerer(knowledge, knowledgeDir);
  let now = options.now;
  const escalations: CallbackRequest[] = [];
  const closes: CloseCallbackRequest[] = [];
  const reminders: AterkopplingReminder[] = [];
  const events: string[] = [];
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const profiles = new Map<string, string>();
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const main = new MainDialog({
    knowledge,
    routines: await realRoutines(),
    answerer,
    profiles: {
      schoolOf: async (userId) => profiles.get(userId),
      rememberSchool: async (userId, schoolKey) => void profiles.set(userId, schoolKey),
    },
    ...(options.roles ? { roles: createRoleDirectory(options.roles) } : {}),
    clock: { now: () => now },
    checklistUrl: options.checklistUrl,
    escalation: {
      async requestCallback(request) {
        if (options.escalation === 'throws') throw new Error('channel down');
        escalations.push(request);
        return options.escalation === 'no-channel' ? { status: 'no-channel' } : { status: 'sent', escalationId: HARNESS_ESCALATION_ID };
      },
      async closeCallback(request) {
        if (options.close === 'throws') throw new Error('database down');
        closes.push(request);
        return options.close ?? { status: 'closed', sectionName: 'Mottagningssektion Norr' };
      },
    },
    reminders: {
      async scheduleAterkopplingReminder(reminder) {
        if (options.reminders === 'throws') throw new Error('database down');
        reminders.push(reminder);
      },
    },
    events: {
      routineStarted: (routine) => events.push(`started:${routine}`),
      routineRedirected: (routine) => events.push(`redirected:${routine}`),
      questionAnswered: (outcome) => events.push(`answered:${outcome.kind}`),
      portFailed: (code) => events.push(`failed:${code}`),
    },
  });
  const adapter = new TestAdapter(async (context) => {
    if (options.fullDialogPath) {
      const dialogs = new DialogSet(dialogState);
      dialogs.add(main);
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(main.id);
    } else {
      await main.run(context, dialogState);
    }
    await conversationState.saveChanges(context, false);
  });

  async function send(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input });
    return adapter.activeQueue.splice(0);
  }

  return {
    send,
    press: (value) => send({ value }),
    setNow(next) {
      now = next;
    },
    escalations,
    closes,
    reminders,
    events,
    knowledge,
    adapter,
    storage,
    profiles,
  };
}

/** The Adaptive Card in a reply, if any. */
export function cardOf(activity: Partial<Activity> | undefined): CardJson | undefined {
  const attachment = activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as CardJson | undefined;
}

/** An Adaptive Card as tests read it. */
export type CardJson = { type: string; version: string; body: CardNode[]; actions?: CardNode[] };
/** Any node of a card. */
export type CardNode = { type: string; [key: string]: unknown };

/** Every node of a card, depth first (body, nested actions, action sets). */
export function cardNodes(card: CardJson): CardNode[] {
  const out: CardNode[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string') out.push(record as CardNode);
      for (const [key, value] of Object.entries(record)) if (key !== 'data') visit(value);
    }
  };
  visit(card.body);
  visit(card.actions ?? []);
  return out;
}

/** All visible text of a reply: its text and every TextBlock, FactSet and button title of its card. */
export function visibleText(activity: Partial<Activity> | undefined): string {
  const card = cardOf(activity);
  const parts = [activity?.text ?? ''];
  if (card) {
    for (const node of cardNodes(card)) {
      if (node.type === 'TextBlock') parts.push(String(node.text));
      if (node.type === 'FactSet') for (const fact of node.facts as { title: string; value: string }[]) parts.push(`${fact.title}: ${fact.value}`);
      if (node.type.startsWith('Action.')) parts.push(String(node.title));
      if (node.type === 'Input.ChoiceSet') for (const choice of node.choices as { title: string }[]) parts.push(choice.title);
    }
  }
  return parts.join('\n');
}

/** The submit data of the button with this title on a card (what Teams would send as `activity.value`). */
export function buttonData(activity: Partial<Activity> | undefined, title: string | RegExp): Record<string, unknown> {
  const card = cardOf(activity);
  const button = card && cardNodes(card).find((node) => node.type === 'Action.Submit' && (typeof title === 'string' ? node.title === title : title.test(String(node.title))));
  if (!button) throw new Error(`no button ${String(title)} on the card`);
  return button.data as Record<string, unknown>;
}
