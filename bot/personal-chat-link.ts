/** The Teams deep link that opens the personal chat with the bot, from its app id (the bot's Teams user id is 28:<app id>). */
export function personalChatLink(appId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(appId)}`;
}
