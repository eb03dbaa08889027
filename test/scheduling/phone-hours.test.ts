import { describe, expect, it } from 'vitest';
import {
  describeNextOpening,
  parseTelephoneHoursRules,
  phoneStatus,
  TelephoneHoursError,
  type TelephoneHoursRules,
} from '../../scheduling/index.js';

// The mottagningssektion's telephone hours as the routine gives them.
const botkyrka: TelephoneHoursRules = {
  timezone: 'Europe/Stockholm',
  days: [
    { weekdays: [1], open: '08:30', close: '18:00' },
    { weekdays: [2, 3, 4], open: '08:30', close: '16:00' },
    { weekdays: [5], open: '08:30', close: '14:00' },
  ],
  breaks: [{ from: '12:00', to: '13:00', label: 'lunch' }],
  closedOnPublicHolidays: true,
  closedOnEves: ['midsommarafton', 'julafton', 'nyårsafton'],
};

// Instants are written as Stockholm wall-clock time with its offset: +01:00 in winter, +02:00 in summer.
const at = (stockholmTime: string): Date => new Date(stockholmTime);

describe('phoneStatus', () => {
  describe('when it is an ordinary Monday (24 November 2025)', () => {
    it('is closed at 08.29 and opens at 08.30 the same morning', () => {
      const status = phoneStatus(botkyrka, at('2025-11-24T08:29:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'before-opening' });
      expect(status.nextOpening).toEqual(at('2025-11-24T08:30:00+01:00'));
    });

    it('is still closed one second before opening', () => {
      expect(phoneStatus(botkyrka, at('2025-11-24T08:29:59+01:00')).open).toBe(false);
    });

    it('is open at 08.30 until lunch, and next opens after lunch', () => {
      const status = phoneStatus(botkyrka, at('2025-11-24T08:30:00+01:00'));
      expect(status).toMatchObject({ open: true, reason: 'open' });
      expect(status.closesAt).toEqual(at('2025-11-24T12:00:00+01:00'));
      expect(status.nextOpening).toEqual(at('2025-11-24T13:00:00+01:00'));
    });

    it('is closed for lunch at 12.00 and 12.30 and opens again at 13.00', () => {
      for (const time of ['2025-11-24T12:00:00+01:00', '2025-11-24T12:30:00+01:00']) {
        const status = phoneStatus(botkyrka, at(time));
        expect(status).toMatchObject({ open: false, reason: 'lunch' });
        expect(status.nextOpening).toEqual(at('2025-11-24T13:00:00+01:00'));
      }
    });

    it('is open at 17.59, closing at 18.00, and next opens Tuesday 08.30', () => {
      const status = phoneStatus(botkyrka, at('2025-11-24T17:59:00+01:00'));
      expect(status).toMatchObject({ open: true, reason: 'open' });
      expect(status.closesAt).toEqual(at('2025-11-24T18:00:00+01:00'));
      expect(status.nextOpening).toEqual(at('2025-11-25T08:30:00+01:00'));
    });

    it('is closed from 18.00', () => {
      expect(phoneStatus(botkyrka, at('2025-11-24T18:00:00+01:00'))).toMatchObject({
        open: false,
        reason: 'after-closing',
      });
    });
  });

  describe('when it is Tuesday afternoon', () => {
    it('is open at 15.59 but closed at 16.01, opening Wednesday 08.30', () => {
      expect(phoneStatus(botkyrka, at('2025-11-25T15:59:00+01:00')).open).toBe(true);
      const status = phoneStatus(botkyrka, at('2025-11-25T16:01:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'after-closing' });
      expect(status.nextOpening).toEqual(at('2025-11-26T08:30:00+01:00'));
    });
  });

  describe('when it is Friday afternoon', () => {
    it('is open at 13.59 until 14.00', () => {
      const status = phoneStatus(botkyrka, at('2025-11-21T13:59:00+01:00'));
      expect(status.open).toBe(true);
      expect(status.closesAt).toEqual(at('2025-11-21T14:00:00+01:00'));
    });

    it('is closed at 14.05 and opens Monday 08.30', () => {
      const status = phoneStatus(botkyrka, at('2025-11-21T14:05:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'after-closing' });
      expect(status.nextOpening).toEqual(at('2025-11-24T08:30:00+01:00'));
    });

    it('skips a Monday that is a holiday (nationaldagen 2022) and opens Tuesday', () => {
      const status = phoneStatus(botkyrka, at('2022-06-03T14:05:00+02:00'));
      expect(status.nextOpening).toEqual(at('2022-06-07T08:30:00+02:00'));
    });

    it('skips juldagen and annandag jul on Monday and Tuesday (2028)', () => {
      const status = phoneStatus(botkyrka, at('2028-12-22T14:05:00+01:00'));
      expect(status.nextOpening).toEqual(at('2028-12-27T08:30:00+01:00'));
    });
  });

  describe('when it is the weekend', () => {
    it('is closed on a Saturday and opens Monday 08.30', () => {
      const status = phoneStatus(botkyrka, at('2025-11-22T10:00:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'weekend' });
      expect(status.holidayName).toBeUndefined();
      expect(status.nextOpening).toEqual(at('2025-11-24T08:30:00+01:00'));
    });

    it('is closed late on a Sunday evening and opens the next morning', () => {
      const status = phoneStatus(botkyrka, at('2025-11-23T23:59:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'weekend' });
      expect(status.nextOpening).toEqual(at('2025-11-24T08:30:00+01:00'));
    });
  });

  describe('when it is a holiday or an eve', () => {
    it('is closed on midsommarafton 2026 (Friday 19 June) and opens Monday 22 June', () => {
      const status = phoneStatus(botkyrka, at('2026-06-19T10:00:00+02:00'));
      expect(status).toMatchObject({ open: false, reason: 'holiday', holidayName: 'midsommarafton' });
      expect(status.nextOpening).toEqual(at('2026-06-22T08:30:00+02:00'));
    });

    it('skips midsommarafton when closing on the Thursday before', () => {
      const status = phoneStatus(botkyrka, at('2026-06-18T16:30:00+02:00'));
      expect(status.nextOpening).toEqual(at('2026-06-22T08:30:00+02:00'));
    });

    it('is closed on julafton (Wednesday 2025) and opens after the Christmas days and the weekend', () => {
      const status = phoneStatus(botkyrka, at('2025-12-24T09:00:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'holiday', holidayName: 'julafton' });
      expect(status.nextOpening).toEqual(at('2025-12-29T08:30:00+01:00'));
    });

    it('is closed on nyårsafton (2025) and opens on 2 January after nyårsdagen', () => {
      const status = phoneStatus(botkyrka, at('2025-12-31T10:00:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'holiday', holidayName: 'nyårsafton' });
      expect(status.nextOpening).toEqual(at('2026-01-02T08:30:00+01:00'));
    });

    it('is closed on 1 January (2026)', () => {
      const status = phoneStatus(botkyrka, at('2026-01-01T10:00:00+01:00'));
      expect(status).toMatchObject({ open: false, reason: 'holiday', holidayName: 'nyårsdagen' });
      expect(status.nextOpening).toEqual(at('2026-01-02T08:30:00+01:00'));
    });

    it('is closed on Easter Monday 2026 (6 April) and opens Tuesday', () => {
      const status = phoneStatus(botkyrka, at('2026-04-06T10:00:00+02:00'));
      expect(status).toMatchObject({ open: false, reason: 'holiday', holidayName: 'annandag påsk' });
      expect(status.nextOpening).toEqual(at('2026-04-07T08:30:00+02:00'));
    });

    it('skips the whole Easter weekend from skärtorsdagen evening', () => {
      const status = phoneStatus(botkyrka, at('2026-04-02T16:01:00+02:00'));
      expect(status.nextOpening).toEqual(at('2026-04-07T08:30:00+02:00'));
    });

    it('stays open on an eve the rules do not close on', () => {
      const julaftonOpen = { ...botkyrka, closedOnEves: ['midsommarafton'] };
      expect(phoneStatus(julaftonOpen, at('2025-12-24T09:00:00+01:00'))).toMatchObject({ open: true, reason: 'open' });
    });

    it('stays open on public holidays when the rules say so', () => {
      const alwaysOpen = { ...botkyrka, closedOnPublicHolidays: false };
      expect(phoneStatus(alwaysOpen, at('2026-04-06T10:00:00+02:00')).open).toBe(true);
    });

    it('names the holiday even when it falls on a weekend (nyårsdagen 2028 is a Saturday)', () => {
      expect(phoneStatus(botkyrka, at('2028-01-01T10:00:00+01:00'))).toMatchObject({
        reason: 'holiday',
        holidayName: 'nyårsdagen',
      });
    });
  });

  describe('when the clocks change (daylight saving)', () => {
    it('opens at 08.30 summer time on the Monday after the spring change (30 March 2026)', () => {
      const status = phoneStatus(botkyrka, at('2026-03-27T14:05:00+01:00'));
      expect(status.nextOpening).toEqual(at('2026-03-30T08:30:00+02:00'));
      expect(status.nextOpening.toISOString()).toBe('2026-03-30T06:30:00.000Z');
    });

    it('reads 08.29 and 08.30 as summer time on that Monday', () => {
      expect(phoneStatus(botkyrka, at('2026-03-30T08:29:00+02:00')).open).toBe(false);
      expect(phoneStatus(botkyrka, at('2026-03-30T08:30:00+02:00')).open).toBe(true);
    });

    it('gives the same answer one second either side of the spring change (29 March 2026)', () => {
      const before = phoneStatus(botkyrka, at('2026-03-29T01:59:59+01:00'));
      const after = phoneStatus(botkyrka, at('2026-03-29T03:00:00+02:00'));
      expect(before).toMatchObject({ open: false, reason: 'weekend' });
      expect(after).toMatchObject({ open: false, reason: 'weekend' });
      expect(before.nextOpening).toEqual(after.nextOpening);
      expect(after.nextOpening).toEqual(at('2026-03-30T08:30:00+02:00'));
    });

    it('opens at 08.30 winter time on the Monday after the autumn change (26 October 2026)', () => {
      const status = phoneStatus(botkyrka, at('2026-10-23T14:05:00+02:00'));
      expect(status.nextOpening).toEqual(at('2026-10-26T08:30:00+01:00'));
      expect(status.nextOpening.toISOString()).toBe('2026-10-26T07:30:00.000Z');
    });

    it('is closed at the instant that would be 08.30 in summer time once winter time applies', () => {
      // 06:30 UTC is 07.30 in Stockholm on 26 October 2026.
      expect(phoneStatus(botkyrka, at('2026-10-26T06:30:00Z'))).toMatchObject({
        open: false,
        reason: 'before-opening',
      });
      expect(phoneStatus(botkyrka, at('2026-10-26T08:30:00+01:00')).open).toBe(true);
    });

    it('handles the repeated hour of the autumn change (25 October 2026)', () => {
      for (const time of ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']) {
        const status = phoneStatus(botkyrka, at(time));
        expect(status).toMatchObject({ open: false, reason: 'weekend' });
        expect(status.nextOpening).toEqual(at('2026-10-26T08:30:00+01:00'));
      }
    });

    it('reports closing times in summer time', () => {
      const status = phoneStatus(botkyrka, at('2026-06-15T13:00:00+02:00'));
      expect(status.closesAt).toEqual(at('2026-06-15T18:00:00+02:00'));
    });
  });

  describe('when the rules are not valid', () => {
    it('lists every problem at once', () => {
      const broken = {
        ...botkyrka,
        timezone: 'Europe/Stokholm',
        days: [{ weekdays: [8], open: '8.30', close: '18:00' }],
        closedOnEves: ['valborg'],
      };
      let error: unknown;
      try {
        parseTelephoneHoursRules(broken);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TelephoneHoursError);
      const problems = (error as TelephoneHoursError).problems.join('\n');
      expect(problems).toMatch(/timezone/);
      expect(problems).toMatch(/days\.0\.weekdays/);
      expect(problems).toMatch(/days\.0\.open/);
      expect(problems).toMatch(/closedOnEves\.0/);
      expect((error as TelephoneHoursError).code).toBe('TELEPHONE_HOURS_INVALID');
    });

    it('refuses a day that closes before it opens', () => {
      expect(() =>
        parseTelephoneHoursRules({ ...botkyrka, days: [{ weekdays: [1], open: '18:00', close: '08:30' }] }),
      ).toThrow(TelephoneHoursError);
    });

    it('refuses to answer from rules that are not valid', () => {
      const broken = { ...botkyrka, days: [{ weekdays: [1], open: '8.30', close: '18:00' }] };
      expect(() => phoneStatus(broken, at('2025-11-24T10:00:00+01:00'))).toThrow(TelephoneHoursError);
    });

    it('accepts the routine hours and eve names written with or without å', () => {
      expect(parseTelephoneHoursRules({ ...botkyrka, closedOnEves: ['nyarsafton', 'Påskafton'] })).toBeDefined();
    });
  });
});

describe('describeNextOpening', () => {
  describe('when the line opens again later today', () => {
    it('says "i dag" with the time', () => {
      const now = at('2025-11-24T12:30:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe('Mottagningen öppnar igen i dag kl. 13.00');
    });
  });

  describe('when the line opens tomorrow', () => {
    it('says "i morgon" with the time', () => {
      const now = at('2025-11-25T16:01:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe('Mottagningen öppnar igen i morgon kl. 08.30');
    });
  });

  describe('when the line opens on a later day', () => {
    it('names the weekday and the date', () => {
      const now = at('2025-11-21T14:05:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe(
        'Mottagningen öppnar igen måndag 24 november kl. 08.30',
      );
    });

    it('gives the local time across the spring change', () => {
      const now = at('2026-03-27T14:05:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe(
        'Mottagningen öppnar igen måndag 30 mars kl. 08.30',
      );
    });

    it('adds the year when the opening is in the next year', () => {
      const now = at('2026-12-31T10:00:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe(
        'Mottagningen öppnar igen måndag 4 januari 2027 kl. 08.30',
      );
    });
  });

  describe('when the line is open', () => {
    it('says until when', () => {
      const now = at('2025-11-24T10:00:00+01:00');
      expect(describeNextOpening(phoneStatus(botkyrka, now), now)).toBe('Mottagningen har öppet till kl. 12.00');
    });
  });
});
