import { describe, expect, it } from 'vitest';
import { PrivacyGuard, quasiWarningText, refusalText } from '../../privacy/index.js';

const guard = new PrivacyGuard();
const CALL_NOW = 'Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67. Är barnet i omedelbar fara, ring 112.';

describe('refusalText', () => {
  describe('when a message with a name and a personnummer is refused', () => {
    const message = 'Sofia Hansson 140312-XXXX har berättat om våld';
    const verdict = guard.inspectText(message);
    const reply = refusalText(verdict, { sharedConversation: false, callNowLine: CALL_NOW });

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

    it('ends with the who-to-call-now line it was given', () => {
      expect(reply.endsWith(`\n\n${CALL_NOW}`)).toBe(true);
    });
  });

  describe('when a card question waits for an answer', () => {
    it('names that question as the one to answer again', () => {
      const reply = refusalText(guard.inspectText('Det gäller Sofia Hansson'), { sharedConversation: false, callNowLine: CALL_NOW, pendingQuestion: '2 av 4: Vad gäller oron?' });
      expect(reply).toContain('Svara sedan på frågan ”2 av 4: Vad gäller oron?” igen');
      expect(reply).not.toContain('Skriv gärna frågan igen');
      expect(reply).toContain('en flicka i årskurs 3');
      expect(reply.endsWith(`\n\n${CALL_NOW}`)).toBe(true);
    });
  });

  describe('when the message was written in a group chat or a channel', () => {
    it('asks the writer to delete it themselves', () => {
      const reply = refusalText(guard.inspectText('ring mamman på 070-123 45 67'), { sharedConversation: true, callNowLine: CALL_NOW });
      expect(reply).toContain('ett telefonnummer');
      expect(reply).toContain('Ta bort');
      expect(reply).not.toContain('070');
      expect(reply.endsWith(`\n\n${CALL_NOW}`)).toBe(true);
    });
  });
});

describe('quasiWarningText', () => {
  it('asks whether it can be said more generally', () => {
    expect(quasiWarningText()).toContain('mer allmänt');
  });
});
