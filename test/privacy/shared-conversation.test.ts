import { describe, expect, it } from 'vitest';
import { isSharedConversation } from '../../privacy/index.js';

describe('isSharedConversation', () => {
  describe('when others can read the conversation', () => {
    it.each([
      ['a team channel', { conversationType: 'channel', isGroup: true }],
      ['a group chat', { conversationType: 'groupChat', isGroup: true }],
      ['a group chat without isGroup', { conversationType: 'groupChat' }],
      ['a type Teams adds later', { conversationType: 'meetingChat', isGroup: false }],
      ['isGroup without a type', { isGroup: true }],
      ['a personal type that says it is a group', { conversationType: 'personal', isGroup: true }],
    ])('counts %s as shared', (_name, conversation) => {
      expect(isSharedConversation({ conversation })).toBe(true);
    });
  });

  describe('when only the writer and the bot are in it', () => {
    it.each([
      ['a personal chat', { conversationType: 'personal', isGroup: false }],
      ['a personal chat without isGroup', { conversationType: 'personal' }],
      ['no type and isGroup false', { isGroup: false }],
      ['no type at all', {}],
    ])('counts %s as personal', (_name, conversation) => {
      expect(isSharedConversation({ conversation })).toBe(false);
    });

    it('counts an activity without a conversation as personal', () => {
      expect(isSharedConversation({})).toBe(false);
    });
  });
});
