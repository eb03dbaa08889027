import { describe, expect, it } from 'vitest';
import { escalationCard, teamsChatUrl, teamsUserRef } from '../../bot/escalation-card.js';
import { dateTimeText } from '../../scheduling/swedish-time.js';
import { minutesText } from '../../bot/escalation-service.js';
import { PrivacyGuard } from '../../privacy/index.js';
import { newEscalationId } from '../../storage/escalation-store.js';

/** A card's bottom buttons and the rows of buttons in its body. */
type CardWithButtons = { actions: Record<string, unknown>[]; body: { type: string; actions?: Record<string, unknown>[] }[] };

/** The buttons in the card's body (the links to reach the requester), row by row. */
function linksOf(card: CardWithButtons): Record<string, unknown>[] {
  return card.body.flatMap((element) => (element.type === 'ActionSet' ? (element.actions ?? []) : []));
}

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

  describe('when the requester can be reached in Teams', () => {
    it('offers a chat and a call link, and keeps them once someone took the alert', () => {
      const links = { chatUrl: teamsChatUrl('leila@botkyrka.se'), callUrl: 'https://teams.microsoft.com/l/call/0/0?users=leila%40botkyrka.se' };
      const open = escalationCard({ ...leilasAlert, ...links }).content as CardWithButtons;
      const taken = escalationCard({ ...leilasAlert, ...links, claimedBy: { name: 'Ahmed', at: new Date('2025-04-14T11:02:00.000Z') } }).content as CardWithButtons;

      expect(open.actions.map((action) => action.title)).toEqual(['Jag tar det']);
      expect(linksOf(open).map((action) => action.title)).toEqual(['Skriv i Teams', 'Ring upp i Teams']);
      expect(taken.actions).toEqual([]);
      expect(linksOf(taken)).toEqual([
        { type: 'Action.OpenUrl', title: 'Skriv i Teams', url: 'https://teams.microsoft.com/l/chat/0/0?users=leila%40botkyrka.se' },
        { type: 'Action.OpenUrl', title: 'Ring upp i Teams', url: links.callUrl },
      ]);
    });
  });

  describe('when the requester closed the alert', () => {
    it.each([
      ['resolved', 'Löst: Leila Kurator meddelade kl. 12.40 att det är löst. Ingen behöver ringa upp.'],
      ['withdrawn', 'Återkallat: Leila Kurator återkallade larmet kl. 12.40. Ingen behöver ringa upp.'],
    ] as const)('says so (%s) and offers no button or link', (reason, text) => {
      const card = escalationCard({ ...leilasAlert, chatUrl: teamsChatUrl('x'), closed: { reason, at: new Date('2025-04-14T10:40:00.000Z') } }).content as CardWithButtons;

      expect(JSON.stringify(card)).toContain(text);
      expect(card.actions).toEqual([]);
      expect(linksOf(card)).toEqual([]);
    });
  });

  describe('when the alert came while the mottagningssektion was closed', () => {
    it('tells the section that the requester was sent to socialjouren', () => {
      const card = escalationCard({ ...leilasAlert, postedWhileClosed: true });

      expect(JSON.stringify(card.content)).toContain('Larmet kom medan mottagningen hade stängt. Den som larmade har fått rådet att ringa socialjouren under tiden.');
    });
  });

  describe('when the time is shown', () => {
    it.each([
      ['2025-04-14T10:35:00.000Z', 'måndag 14 april kl. 12.35'], // summer time
      ['2025-01-03T07:05:00.000Z', 'fredag 3 januari kl. 08.05'], // winter time
      ['2025-03-30T01:30:00.000Z', 'söndag 30 mars kl. 03.30'], // the night the clocks go forward
    ])('reads %s on the Stockholm wall clock as "%s"', (instant, text) => {
      expect(dateTimeText(new Date(instant))).toBe(text);
    });
  });
});

describe('teamsUserRef', () => {
  it('prefers the UPN, falls back to the Entra object id as 8:orgid:, and has nothing without either', () => {
    expect(teamsUserRef({ userPrincipalName: 'leila@botkyrka.se', aadObjectId: 'oid-1' })).toBe('leila@botkyrka.se');
    expect(teamsUserRef({ aadObjectId: 'oid-1' })).toBe('8:orgid:oid-1');
    expect(teamsUserRef({})).toBeUndefined();
  });
});

describe('minutesText', () => {
  it.each([
    [1, '1 minut'],
    [2, '2 minuter'],
    [10, '10 minuter'],
  ])('reads %i as "%s"', (minutes, text) => {
    expect(minutesText(minutes)).toBe(text);
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

    it('is never mistaken for anything identifying on the requester’s "Det är löst"/"Återkalla larmet" buttons either', () => {
      const guard = new PrivacyGuard({ allowedPhoneNumbers: [] });
      for (let i = 0; i < 2_000; i += 1) {
        for (const reason of ['resolved', 'withdrawn']) {
          const value = { action: 'akut.close', escalationId: newEscalationId(), reason };
          const verdict = guard.inspectValue(value);
          expect(verdict.identifying || verdict.quasi, JSON.stringify(value)).toBe(false);
        }
      }
    });

    it('is unique enough that 10 000 ids never repeat', () => {
      const ids = new Set(Array.from({ length: 10_000 }, newEscalationId));

      expect(ids.size).toBe(10_000);
    });
  });
});
