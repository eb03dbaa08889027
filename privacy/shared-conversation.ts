/** What a conversation says about who reads it, as the Bot Framework sends it on every activity (no SDK types here). */
export interface ConversationShape {
  readonly conversation?: { readonly conversationType?: string; readonly isGroup?: boolean } | undefined;
}

/**
 * True when others can read what is written here: anything but a personal chat (a channel, a group chat,
 * a meeting chat, a type Teams adds later). A missing conversationType counts as personal unless isGroup says otherwise.
 */
export function isSharedConversation(activity: ConversationShape): boolean {
  const { conversationType, isGroup } = activity.conversation ?? {};
  if (isGroup === true) return true;
  return conversationType !== undefined && conversationType !== 'personal';
}
