import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personnummerCheckDigit } from '../../privacy/index.js';
import { messageActivity, type ConversationKind } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { startLocalModelServer, type LocalModelServer } from '../helpers/openai-compatible-server.js';
import { postgresText, sqliteText } from '../helpers/stored-text.js';

const nine = '140312238';
const PERSONNUMMER = `${nine.slice(0, 6)}-${nine.slice(6)}${personnummerCheckDigit(nine)}`;
/** The same number in full-width digits and dash, as a phone keyboard can write it. */
const FULL_WIDTH_PERSONNUMMER = PERSONNUMMER.replace(/[0-9-]/g, (char) => (char === '-' ? '\uff0d' : String.fromCharCode(char.charCodeAt(0) + 0xfee0)));

/** Identifying messages as staff might type them in a hurry, with the fragments that must never be kept. */
const identifyingMessages: { text: string; fragments: string[]; kind: ConversationKind }[] = [
  { text: `Eleven har personnummer ${PERSONNUMMER}, vad gör vi?`, fragments: [PERSONNUMMER, PERSONNUMMER.replace('-', '')], kind: 'personal' },
  { text: 'Vi är oroliga för Leonora Abdirahman i 4B, hon verkar hungrig', fragments: ['Leonora', 'Abdirahman'], kind: 'channel' },
  { text: 'Mamman nås på 070-812 44 19 om ni vill ringa', fragments: ['070-812 44 19', '0708124419'], kind: 'groupChat' },
  { text: 'Familjen bor på Hågelbyvägen 17B, kan ni göra hembesök?', fragments: ['Hågelbyvägen 17B'], kind: 'personal' },
  { text: 'Skicka gärna svar till pappan, ahmed.yilmaz84@example.com', fragments: ['ahmed.yilmaz84', 'yilmaz84@example.com'], kind: 'personal' },
  { text: 'Han är född 12 mars 2014 och har blåmärken', fragments: ['12 mars 2014'], kind: 'personal' },
  // Disguised and in English: the guard reads them normalised, the model never sees them.
  { text: `Pojken har ${FULL_WIDTH_PERSONNUMMER} och hämtas sent`, fragments: [FULL_WIDTH_PERSONNUMMER], kind: 'personal' },
  { text: 'We are worried about Grace Okafor in year 4, she looks hungry', fragments: ['Grace Okafor', 'Okafor'], kind: 'personal' },
  { text: 'Vi undrar över T\u200bi\u200bl\u200bd\u200be i förskoleklassen', fragments: ['T\u200bi\u200bl', 'Tilde'], kind: 'personal' },
];

/** A card submit carrying a name in a free-text field. */
const identifyingCardSubmit = { action: 'consultation-answer', note: 'det gäller Milena Kowalczyk' };
const cardFragments = ['Milena', 'Kowalczyk'];

describe.each(testDialects)('identifying data through /api/messages on %s', (dialect) => {
  let database: TestDatabase;
  let model: LocalModelServer;
  let bot: AppUnderTest;
  const replies: { kind: ConversationKind; text: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    model = await startLocalModelServer({ kind: 'reply', content: () => 'Det räcker med en misstanke för att anmäla [1].' });
    const storageEnv: Record<string, string> = database.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : {};
    bot = await startAppUnderTest({ ...storageEnv, LOG_LEVEL: 'trace', OPENAI_BASE_URL: model.baseUrl, OPENAI_TIMEOUT_MS: '2000' });

    // A clean question first, so state is written and the model is known to be reachable.
    const clean = await bot.send(messageActivity('Måste vi vara säkra innan vi anmäler?', { conversationId: 'a:conv-1' }));
    expect(clean.replies.at(-1)?.text).toContain('misstanke');

    for (const message of identifyingMessages) {
      const { status, replies: sent } = await bot.send(messageActivity(message.text, { kind: message.kind, conversationId: message.kind === 'personal' ? 'a:conv-1' : undefined }));
      expect(status).toBe(200);
      replies.push(...sent.map((r) => ({ kind: message.kind, text: r.text ?? '' })));
    }
    const card = await bot.send(messageActivity('', { conversationId: 'a:conv-1', value: identifyingCardSubmit }));
    replies.push(...card.replies.map((r) => ({ kind: 'personal' as const, text: r.text ?? '' })));
    await bot.stop({ keepData: true });
  });

  afterAll(async () => {
    await model.close();
    await database.dispose();
  });

  it('refuses every identifying message calmly and names what it saw without repeating it', () => {
    expect(replies).toHaveLength(identifyingMessages.length + 1);
    for (const reply of replies) {
      expect(reply.text).toMatch(/^Jag kan inte ta emot det här meddelandet/);
      expect(reply.text).toMatch(/anonym/);
    }
    const allFragments = [...identifyingMessages.flatMap((m) => m.fragments), ...cardFragments];
    for (const reply of replies) for (const fragment of allFragments) expect(reply.text).not.toContain(fragment);
    expect(replies[0]?.text).toContain('personnummer');
    expect(replies[2]?.text).toContain('telefonnummer');
  });

  it('asks the writer to delete the message in a group chat or channel, and only there', () => {
    for (const reply of replies) {
      if (reply.kind === 'personal') expect(reply.text).not.toMatch(/Ta gärna bort det/);
      else expect(reply.text).toMatch(/Ta gärna bort det själv/);
    }
  });

  it('keeps nothing of them in the database', async () => {
    const stored = dialect === 'sqlite' ? await sqliteText(bot.dataDir) : await postgresText(database.options.databaseUrl!);
    // The clean turn's counted answer (the entry it cited) is there, so the search can find what is stored.
    expect(stored).toContain('anmalningsskyldighet');
    for (const fragment of [...identifyingMessages.flatMap((m) => m.fragments), ...cardFragments]) {
      expect(stored).not.toContain(fragment);
    }
  });

  it('keeps nothing of them in the logs, which do record the refusals', () => {
    const logs = bot.logs.join('\n');
    expect(logs.match(/"PRIVACY_REFUSED"/g)?.length).toBe(identifyingMessages.length + 1);
    for (const fragment of [...identifyingMessages.flatMap((m) => m.fragments), ...cardFragments]) {
      expect(logs).not.toContain(fragment);
    }
  });

  it('sends nothing of them to the model', () => {
    const sent = JSON.stringify(model.requests);
    expect(sent).toContain('Måste vi vara säkra');
    for (const fragment of [...identifyingMessages.flatMap((m) => m.fragments), ...cardFragments]) expect(sent).not.toContain(fragment);
  });
});
