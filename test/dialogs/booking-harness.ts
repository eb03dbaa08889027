import { fileURLToPath } from 'node:url';
import { ConversationState, MemoryStorage, TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { wireBooking, type BookingWiring } from '../../bot/booking-wiring.js';
import { createRoleDirectory, type RoleAssignment } from '../../municipality/roles.js';
import { MainDialog } from '../../dialogs/main-dialog.js';
import type { AterkopplingReminder } from '../../dialogs/ports.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { createLogger } from '../../observability/logger.js';
import { ConversationReferenceStore } from '../../storage/conversation-reference-store.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { cardNodes, cardOf, realKnowledge, realRoutines } from './dialog-harness.js';

const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** A Teams user in the booking tests: Entra object id, Teams id and display name. */
export interface TestUser {
  readonly aadObjectId: string;
  readonly teamsId: string;
  readonly name: string;
}

/** The people of the booking journeys and their roles. */
export const people = {
  ahmed: { aadObjectId: 'a0000000-0000-4000-8000-000000000001', teamsId: '29:ahmed', name: 'Ahmed Socialsekreterare' },
  sara: { aadObjectId: 'a0000000-0000-4000-8000-000000000002', teamsId: '29:sara', name: 'Sara Socialsekreterare' },
  maria: { aadObjectId: 'a0000000-0000-4000-8000-000000000003', teamsId: '29:maria', name: 'Maria Rektor' },
  johan: { aadObjectId: 'a0000000-0000-4000-8000-000000000004', teamsId: '29:johan', name: 'Johan Rektor' },
  leila: { aadObjectId: 'a0000000-0000-4000-8000-000000000005', teamsId: '29:leila', name: 'Leila Kurator' },
} satisfies Record<string, TestUser>;

const roleAssignments: RoleAssignment[] = [
  { role: 'socialsekreterare', area: 'sodra', aadObjectId: people.ahmed.aadObjectId },
  { role: 'socialsekreterare', area: 'sodra', aadObjectId: people.sara.aadObjectId },
  { role: 'rektor', school: 'Broängsskolan', aadObjectId: people.maria.aadObjectId },
  { role: 'rektor', school: 'Tunaskolan', aadObjectId: people.johan.aadObjectId },
];

/** One user's personal chat with the bot. */
export interface ChatWith {
  /** Sends text, or an activity such as `{ value }`, and returns the bot's replies. */
  send(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Presses a card button: its data arrives as `activity.value`. */
  press(value: unknown): Promise<Partial<Activity>[]>;
}

/** The real router with booking wired in, over real stores on a fresh SQLite file, with a recording messenger. */
export interface BookingHarness {
  chat(user: TestUser): ChatWith;
  setNow(now: Date): void;
  /** What the bot sent proactively, and to whom (Teams user id). */
  readonly proactive: { to: string; activity: Partial<Activity> | string }[];
  /** While on, every proactive send fails as if Teams were unreachable. */
  failProactiveSends(on: boolean): void;
  /** The återkoppling reminders the orosanmälan walk-through asked for. */
  readonly reminders: AterkopplingReminder[];
  readonly wiring: BookingWiring;
  readonly handle: DatabaseHandle;
  dispose(): Promise<void>;
}

/** Builds the harness at a fixed time. */
export async function createBookingHarness(options: { now: Date }): Promise<BookingHarness> {
  let now = options.now;
  const clock = { now: () => now };
  const knowledge = await realKnowledge();
  const database: TestDatabase = await createTestDatabase('sqlite');
  const handle = await database.open();
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const proactive: BookingHarness['proactive'] = [];
  const reminders: AterkopplingReminder[] = [];
  let proactiveFails = false;
  const references = new ConversationReferenceStore(handle.db);
  const wiring = await wireBooking({
    config: { rolesFile: '(in test)', bookings: { retentionDays: 30, publicBaseUrl: 'https://bot.example', linkSecret: 'a-test-secret-that-is-long-enough-0123' } },
    db: handle.db,
    contacts: knowledge.contacts,
    references,
    messenger: {
      async send(reference: Partial<ConversationReference>, activity: Partial<Activity> | string) {
        if (proactiveFails) throw new Error('Teams unreachable');
        proactive.push({ to: reference.user?.id ?? '(unknown)', activity });
        return 'sent-id';
      },
    },
    clock,
    logger: createLogger('silent'),
    roles: createRoleDirectory(roleAssignments),
  });
  const main = new MainDialog({
    knowledge,
    routines: await realRoutines(),
    answerer: await createAnswerer(knowledge, knowledgeDir),
    profiles: wiring.profiles,
    clock,
    escalation: { requestCallback: async () => ({ status: 'no-channel' }), closeCallback: async () => ({ status: 'none-open' }) },
    reminders: { scheduleAterkopplingReminder: async (reminder) => void reminders.push(reminder) },
    booking: wiring.dependencies,
  });
  const chats = new Map<string, ChatWith>();

  function chat(user: TestUser): ChatWith {
    const existing = chats.get(user.teamsId);
    if (existing) return existing;
    const from = { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId };
    const adapter = new TestAdapter(
      async (context) => {
        await main.run(context, dialogState);
        await conversationState.saveChanges(context, false);
      },
      { channelId: 'msteams', from, conversation: { id: `a:personal-${user.teamsId}`, conversationType: 'personal', isGroup: false, name: '' } } as Partial<Activity>,
    );
    const send = async (input: string | Partial<Activity>) => {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity(typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input });
      return adapter.activeQueue.splice(0);
    };
    const created = { send, press: (value: unknown) => send({ value }) };
    chats.set(user.teamsId, created);
    return created;
  }

  return {
    chat,
    setNow: (next) => {
      now = next;
    },
    proactive,
    failProactiveSends: (on) => {
      proactiveFails = on;
    },
    reminders,
    wiring,
    handle,
    dispose: () => database.dispose(),
  };
}

/**
 * What Teams sends when the card's input-submit button with this title is pressed: the button's data
 * merged with every input's current value (here: the value the card preselected, or `overrides`).
 */
export function submitInputs(activity: Partial<Activity> | undefined, title: string, overrides: Record<string, string> = {}): Record<string, unknown> {
  const card = cardOf(activity);
  if (!card) throw new Error('the reply has no card');
  const nodes = cardNodes(card);
  const button = nodes.find((node) => node.type === 'Action.Submit' && node.title === title);
  if (!button) throw new Error(`no button "${title}" on the card`);
  const inputs = Object.fromEntries(nodes.filter((node) => node.type.startsWith('Input.')).map((node) => [String(node.id), String(node.value ?? '')]));
  return { ...inputs, ...overrides, ...(button.data as Record<string, unknown>) };
}

/** A reply as one line a reader can follow: its text, or the card's heading, facts, choices and buttons. */
export function describeReply(activity: Partial<Activity> | string): string {
  if (typeof activity === 'string') return activity;
  const card = cardOf(activity);
  if (!card) return activity.text ?? '';
  const parts: string[] = [];
  for (const node of cardNodes(card)) {
    if (node.type === 'TextBlock') parts.push(String(node.text));
    if (node.type === 'FactSet') parts.push((node.facts as { title: string; value: string }[]).map((fact) => `${fact.title}: ${fact.value}`).join(' | '));
    if (node.type === 'Input.ChoiceSet') {
      const choices = node.choices as { title: string; value: string }[];
      parts.push(`(${String(node.label ?? node.id)}) ${choices.map((choice) => `${choice.value === node.value ? '◉' : '○'} ${choice.title}`).join('  ')}`);
    }
    if (node.type.startsWith('Action.')) parts.push(`[${String(node.title)}]`);
  }
  return parts.join('\n');
}
