import { describe, expect, it } from 'vitest';
import { escalationCard, stockholmDateTimeText } from '../../bot/escalation-card.js';
import { PrivacyGuard } from '../../privacy/index.js';
import { newEscalationId } from '../../storage/escalation-store.js';

const leilasAlert = {
  escalationId: 'bcdfghjkmnpqrstvwxzbcdfghj',
  sectionName: 'Mottagningssektion Norr',
  requesterName: 'Leila Kurator',
  school: 'Hallundaskolan',
  createdAt: new Date('2025-04-14T10:35:00.000Z'),
};

describe('escalationCard', () => {
  describe('when nobody has taken the alert', () => {
    it('offers "Jag tar det" with only the alert id as data', () => {
      const card = escalationCard(leilasAlert).content as { actions: Record<string, unknown>[] };

      expect(card.actions).toEqual([
        { type: 'Action.Execute', title: 'Jag tar det', verb: 'claimEscalation', data: { escalationId: leilasAlert.escalationId }, style: 'positive' },
      ]);
    });
  });

  describe('when someone has taken it', () => {
    it('says who and when, keeps the call link and drops the button', () => {
      const card = escalationCard({ ...leilasAlert, callUrl: 'https://teams.microsoft.com/l/call/0/0?users=x', claimedBy: { name: 'Ahmed', at: new Date('2025-04-14T11:02:00.000Z') } });

      const json = JSON.stringify(card.content);
      expect(json).toContain('Ahmed tog larmet kl. 13.02 och ringer upp.');
      expect(json).toContain('Ring upp i Teams');
      expect(json).not.toContain('claimEscalation');
    });
  });

  describe('when the time is shown', () => {
    it.each([
      ['2025-04-14T10:35:00.000Z', 'måndag 14 april kl. 12.35'], // summer time
      ['2025-01-03T07:05:00.000Z', 'fredag 3 januari kl. 08.05'], // winter time
      ['2025-03-30T01:30:00.000Z', 'söndag 30 mars kl. 03.30'], // the night the clocks go forward
    ])('reads %s on the Stockholm wall clock as "%s"', (instant, text) => {
      expect(stockholmDateTimeText(new Date(instant))).toBe(text);
    });
  });
});

describe('newEscalationId', () => {
  describe('when the id travels back in the "Jag tar det" press', () => {
    it('is never mistaken by the privacy guard for a name, a number or anything identifying', () => {
      const guard = new PrivacyGuard({ allowedPhoneNumbers: [] });
      for (let i = 0; i < 5_000; i += 1) {
        const value = { action: { type: 'Action.Execute', verb: 'claimEscalation', data: { escalationId: newEscalationId() } }, trigger: 'manual' };
        const verdict = guard.inspectValue(value);
        expect(verdict.identifying || verdict.quasi, JSON.stringify(value)).toBe(false);
      }
    });

    it('is unique enough that 10 000 ids never repeat', () => {
      const ids = new Set(Array.from({ length: 10_000 }, newEscalationId));

      expect(ids.size).toBe(10_000);
    });
  });
});
