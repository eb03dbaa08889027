import { describe, expect, it } from 'vitest';
import { createDialogHarness, stockholm } from './dialog-harness.js';

// Plain questions, and every other kind of text the router knows, outside any routine.
const TEXTS = [
  'Vad är en orosanmälan?',
  'Måste vi vara säkra innan vi anmäler?',
  'Vilka telefontider har mottagningen?',
  'Vad får skolan veta efter en anmälan?',
  'Hur bokar man ett anmälningsmöte?',
  'What is a report of concern?',
  'Kan jag fråga om väder?',
  'hjälp',
  'avbryt',
  'byt skola',
  'det är löst',
  'Barnet säger att pappa slår henne och hon vågar inte gå hem i dag',
  'orosanmälan',
  'konsultation',
];

describe('MainDialog.run', () => {
  describe('when a text comes outside any routine', () => {
    it('replies exactly as the full dialog stack does, and reports the same events', async () => {
      const now = stockholm(2026, 11, 23, 10, 0);
      const direct = await createDialogHarness({ now });
      const stacked = await createDialogHarness({ now, fullDialogPath: true });

      for (const text of TEXTS) {
        // A fresh conversation for each text, so neither run has a routine in progress.
        const conversation = { id: `c-${TEXTS.indexOf(text)}` };
        const directReplies = await direct.send({ text, conversation } as never);
        const stackedReplies = await stacked.send({ text, conversation } as never);

        const shape = (replies: typeof directReplies) => replies.map(({ type, text: replyText, attachments, entities, suggestedActions }) => ({ type, text: replyText, attachments, entities, suggestedActions }));
        expect(shape(directReplies), text).toEqual(shape(stackedReplies));
        expect(directReplies.length, text).toBeGreaterThan(0);
      }
      expect(direct.events).toEqual(stacked.events);
      expect(direct.escalations).toEqual(stacked.escalations);
    });
  });

  describe('when questions come before, inside and after a routine', () => {
    it('replies exactly as the full dialog stack does', async () => {
      const now = stockholm(2026, 11, 23, 10, 0);
      const direct = await createDialogHarness({ now });
      const stacked = await createDialogHarness({ now, fullDialogPath: true });

      for (const text of ['Vad är en orosanmälan?', 'konsultation', 'Vad är en orosanmälan?', 'avbryt', 'Vilka telefontider har mottagningen?', 'orosanmälan', 'Nej', 'Vad händer efter att vi har anmält?']) {
        const directReplies = await direct.send(text);
        const stackedReplies = await stacked.send(text);

        expect(directReplies.map((reply) => [reply.text, reply.attachments]), text).toEqual(stackedReplies.map((reply) => [reply.text, reply.attachments]));
      }
      expect(direct.events).toEqual(stacked.events);
    });
  });
});
