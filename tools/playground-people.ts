/**
 * The people of the local Playground: one Microsoft 365 Agents Playground per person, each on its own
 * port, all talking to the same bot. Their Entra object ids match playground/roles.yaml, so the bot
 * gives each the role the journeys in JOURNEYS.md need. Everything here is made up and local.
 */
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** Someone a Playground can sign in as: one of the people below, or a colleague in one of their teams. */
export interface PlaygroundUser {
  readonly key: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  readonly aadObjectId: string;
  /** The Playground's UI port for this user. */
  readonly port: number;
  /** The user's team in the Playground; for a socialsekreterare it holds the section's alert channel. */
  readonly team: { readonly id: string; readonly name: string; readonly channel: { readonly id: string; readonly name: string } };
}

/** One person who can try the bot in the Playground. */
export interface PlaygroundPerson extends PlaygroundUser {
  readonly key: 'leila' | 'maria' | 'sara' | 'ahmed' | 'johan' | 'sam';
  /** What the person is, as the README's table shows it. */
  readonly description: string;
}

/** The akut alert channels of the two mottagningssektioner, as ESCALATION_CHANNELS gives them to the bot. */
export const PLAYGROUND_ALERT_CHANNELS = {
  norr: '19:mottagningssektion-norr-larm@thread.tacv2',
  sodra: '19:mottagningssektion-sodra-larm@thread.tacv2',
} as const;

/** The roles file the bot reads in the Playground (ROLES_FILE). */
export const PLAYGROUND_ROLES_FILE = fileURLToPath(new URL('../playground/roles.yaml', import.meta.url));

/** The first person's Playground listens on the Playground's usual port; the others follow it. */
export const FIRST_PLAYGROUND_PORT = 56150;

const TENANT_ID = '6f1c2d3e-0000-4a00-8000-000000000000';
const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Samverkansboten' };

function eht(key: string, school: string): PlaygroundPerson['team'] {
  return { id: `19:${key}-eht-general@thread.tacv2`, name: `EHT ${school}`, channel: { id: `19:${key}-eht-fragor@thread.tacv2`, name: 'Frågor om oro' } };
}

/**
 * Leila (kurator, Norr), Maria (rektor, Tumba), Sara (socialsekreterare, Södra), Ahmed (socialsekreterare, Norr),
 * Johan (förskolechef, Södra) and Sam (teacher in Alby, Norr).
 */
export const PLAYGROUND_PEOPLE: readonly PlaygroundPerson[] = [
  {
    key: 'leila',
    name: 'Leila Karimi',
    givenName: 'Leila',
    surname: 'Karimi',
    description: 'kurator på Hallundaskolan (Norr)',
    aadObjectId: '6f1c2d3e-0001-4a00-8000-00000000a001',
    port: FIRST_PLAYGROUND_PORT,
    team: eht('hallundaskolan', 'Hallundaskolan'),
  },
  {
    key: 'maria',
    name: 'Maria Lindqvist',
    givenName: 'Maria',
    surname: 'Lindqvist',
    description: 'rektor på Tunaskolan (Tumba, Södra)',
    aadObjectId: '6f1c2d3e-0002-4a00-8000-00000000a002',
    port: FIRST_PLAYGROUND_PORT + 1,
    team: eht('tunaskolan', 'Tunaskolan'),
  },
  {
    key: 'sara',
    name: 'Sara Berg',
    givenName: 'Sara',
    surname: 'Berg',
    description: 'socialsekreterare, Mottagningssektion Södra',
    aadObjectId: '6f1c2d3e-0003-4a00-8000-00000000a003',
    port: FIRST_PLAYGROUND_PORT + 2,
    team: { id: '19:mottagningssektion-sodra@thread.tacv2', name: 'Mottagningssektion Södra', channel: { id: PLAYGROUND_ALERT_CHANNELS.sodra, name: 'Akuta larm' } },
  },
  {
    key: 'ahmed',
    name: 'Ahmed Nour',
    givenName: 'Ahmed',
    surname: 'Nour',
    description: 'socialsekreterare, Mottagningssektion Norr',
    aadObjectId: '6f1c2d3e-0004-4a00-8000-00000000a004',
    port: FIRST_PLAYGROUND_PORT + 3,
    team: { id: '19:mottagningssektion-norr@thread.tacv2', name: 'Mottagningssektion Norr', channel: { id: PLAYGROUND_ALERT_CHANNELS.norr, name: 'Akuta larm' } },
  },
  {
    key: 'johan',
    name: 'Johan Ek',
    givenName: 'Johan',
    surname: 'Ek',
    description: 'förskolechef på Förskolan Bikupan (Tullinge, Södra)',
    aadObjectId: '6f1c2d3e-0005-4a00-8000-00000000a005',
    port: FIRST_PLAYGROUND_PORT + 4,
    team: eht('bikupan', 'Förskolan Bikupan'),
  },
  {
    key: 'sam',
    name: 'Sam Taylor',
    givenName: 'Sam',
    surname: 'Taylor',
    description: 'lärare på Grindtorpsskolan (Alby, Norr), skriver helst engelska',
    aadObjectId: '6f1c2d3e-0007-4a00-8000-00000000a007',
    port: FIRST_PLAYGROUND_PORT + 5,
    team: { id: '19:grindtorpsskolan-personal-general@thread.tacv2', name: 'Personal Grindtorpsskolan', channel: { id: '19:grindtorpsskolan-personal-fragor@thread.tacv2', name: 'Frågor om oro' } },
  },
];

/** A colleague with no role and no Playground of their own, for a second writer in someone's team (the teacher's journey). */
const KIM = { key: 'kim', name: 'Kim Larsson', givenName: 'Kim', surname: 'Larsson', aadObjectId: '6f1c2d3e-0006-4a00-8000-00000000a006' };

/** Kim Larsson in `person`'s team: a Playground of their own shows the same channel as another member writes in it. */
export function colleagueOf(person: PlaygroundPerson): PlaygroundUser {
  return { ...KIM, port: person.port, team: person.team };
}

/** The environment that points the bot at the Playground's people and alert channels. */
export function playgroundBotEnvironment(): Record<string, string> {
  return {
    ROLES_FILE: PLAYGROUND_ROLES_FILE,
    ESCALATION_CHANNELS: `norr=${PLAYGROUND_ALERT_CHANNELS.norr},sodra=${PLAYGROUND_ALERT_CHANNELS.sodra}`,
  };
}

/** What the person's Playground sends when the bot is added to their team's channel (the bot then stores how to post there). */
export function playgroundChannelAddedActivity(person: PlaygroundPerson): object {
  const { team } = person;
  return {
    type: 'conversationUpdate',
    id: `playground-channel-added-${person.key}`,
    channelId: 'msteams',
    serviceUrl: `http://localhost:${person.port}/_connector`,
    from: { id: `29:playground-${person.key}`, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { id: team.channel.id, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID, name: team.channel.name },
    membersAdded: [{ id: BOT.id }],
    channelData: { eventType: 'teamMemberAdded', team: { id: team.id, name: team.name }, channel: { id: team.channel.id, name: team.channel.name }, tenant: { id: TENANT_ID } },
  };
}

/** The Playground's configuration file (M365_AGENTS_PLAYGROUND_CONFIG_PATH) for one person. */
export function playgroundConfigYaml(person: PlaygroundUser): string {
  const user = (someone: { key: string; name: string; givenName: string; surname: string; aadObjectId: string }) => ({
    id: `29:playground-${someone.key}`,
    name: someone.name,
    userPrincipleName: `${someone.key}@playground.invalid`,
    aadObjectId: someone.aadObjectId,
    givenName: someone.givenName,
    surname: someone.surname,
    email: `${someone.key}@playground.invalid`,
  });
  // The Playground wants exactly five other users: the other five people (or, for Kim, the first five).
  const others = PLAYGROUND_PEOPLE.filter((other) => other.key !== person.key).slice(0, 5);
  const config = {
    version: '0.1.1',
    tenantId: TENANT_ID,
    bot: BOT,
    currentUser: user(person),
    users: others.map(user),
    personalChat: { id: `a:playground-personal-${person.key}` },
    groupChat: { id: `19:playground-group-${person.key}@thread.v2`, name: person.team.name },
    team: { id: person.team.id, name: person.team.name, aadGroupId: `6f1c2d3e-00${String(person.port - FIRST_PLAYGROUND_PORT).padStart(2, '0')}-4b00-8000-000000000000`, channels: [person.team.channel] },
  };
  return `# Generated by tools/playground-people.ts for ${person.name}; edit that file, not this one.\n${stringify(config)}`;
}
