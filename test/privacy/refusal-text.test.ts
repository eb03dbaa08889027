import { describe, expect, it } from 'vitest';
import { PrivacyGuard, quasiWarningText, refusalText } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('refusalText', () => {
  describe('when a message with a name and a personnummer is refused', () => {
    const message = 'Sofia Hansson 140312-XXXX har berättat om våld';
    const verdict = guard.inspectText(message);
    const reply = refusalText(verdict, { sharedConversation: false });

    it('names the kinds of data found without repeating them', () => {
      expect(reply).toContain('ett namn');
      expect(reply).toContain('personnummer');
      for (const fragment of ['Sofia', 'Hansson', '140312', 'XXXX']) expect(reply).not.toContain(fragment);
    });

    it('explains that the consultation is anonymous and shows how to rephrase', () => {
      expect(reply).toContain('anonym');
      expect(reply).toContain('en flicka i årskurs 3');
    });

    it('does not ask a one-to-one chat to delete the message', () => {
      expect(reply).not.toContain('Ta bort');
    });
  });

  describe('when the message was written in a group chat or a channel', () => {
    it('asks the writer to delete it themselves', () => {
      const reply = refusalText(guard.inspectText('ring mamman på 070-123 45 67'), { sharedConversation: true });
      expect(reply).toContain('ett telefonnummer');
      expect(reply).toContain('Ta bort');
      expect(reply).not.toContain('070');
    });
  });
});

describe('quasiWarningText', () => {
  it('asks whether it can be said more generally', () => {
    expect(quasiWarningText()).toContain('mer allmänt');
  });
});
