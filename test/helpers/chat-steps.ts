import { messageActivity } from './activities.js';
import type { AppUnderTest, ReplyActivity } from './app-under-test.js';

/** A staff member as the chat tests know them: Entra object id and display name. */
export interface ChatPerson {
  readonly aadObjectId: string;
  readonly name: string;
}

/** One person's personal chat with a running bot, through real HTTP to /api/messages. */
export interface PersonalChat {
  say(text: string): Promise<ReplyActivity[]>;
  press(value: unknown): Promise<ReplyActivity[]>;
}

/** Opens a personal chat for `person` with the bot under test. */
export function personalChat(bot: AppUnderTest, person: ChatPerson): PersonalChat {
  const conversationId = `a:personal-${person.aadObjectId}`;
  const options = { userId: `29:${person.aadObjectId}`, aadObjectId: person.aadObjectId, name: person.name, conversationId };
  const post = async (text: string, value?: unknown) => {
    const { status, replies } = await bot.send(messageActivity(text, value === undefined ? options : { ...options, value }));
    if (status !== 200) throw new Error(`the bot answered ${status}`);
    return replies;
  };
  return { say: (text) => post(text), press: (value) => post('', value) };
}

/** The person tells the bot their förskola/skola in the chat ("byt skola" and the list), as staff do once. */
export async function chooseSchoolInChat(bot: AppUnderTest, person: ChatPerson, schoolKey: string): Promise<void> {
  const chat = personalChat(bot, person);
  await chat.say('byt skola');
  const replies = await chat.press({ action: 'school.choose', school: schoolKey });
  if (!replies.some((reply) => reply.text?.startsWith('Tack!'))) throw new Error(`the bot did not take the school ${schoolKey}`);
}
