import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWindow, type AvailabilityRequest } from '../../booking/availability-rules.js';
import type { BookingOutcome, Slot, StaffMember } from '../../booking/booking-model.js';
import { instantAt } from '../../scheduling/clock.js';
import { AvailabilityStore } from '../../storage/availability-store.js';
import { BOOKING_REMINDER_KIND, BookingRequestError, BookingStore, newBookingReference } from '../../storage/booking-store.js';
import type { DatabaseHandle } from '../../storage/index.js';
import type { ChurnOrders, ChurnReport } from '../helpers/booking-churn-process.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

const stockholm = 'Europe/Stockholm';
/** Friday 6 March 2026, 09.00 in Stockholm. */
const now = instantAt({ year: 2026, month: 3, day: 6 }, 9, 0, stockholm);
const window = bookingWindow(now, 14);

const ahmed: StaffMember = { id: 'aad-ahmed', name: 'Ahmed', teamsId: '29:ahmed', upn: 'ahmed@botkyrka.se' };
const sara: StaffMember = { id: 'aad-sara', name: 'Sara', teamsId: '29:sara' };
const maria: StaffMember = { id: 'aad-maria', name: 'Maria', teamsId: '29:maria', upn: 'maria@botkyrka.se' };
const stranger: StaffMember = { id: 'aad-stranger', name: 'Någon annan' };

function meetings(day: number, fromHour: number, toHour: number, repeatWeeks = 1): AvailabilityRequest {
  return {
    kind: 'anmalningsmote',
    date: { year: 2026, month: 3, day },
    from: { hour: fromHour, minute: 0 },
    to: { hour: toHour, minute: 0 },
    slotLengthMinutes: 45,
    bufferMinutes: 15,
    repeatWeeks,
    place: 'Mottagningen Södra, rum 2',
  };
}

function booked(outcome: BookingOutcome) {
  if (outcome.status !== 'booked') throw new Error(`expected a booking, got ${outcome.status}`);
  return outcome.booking;
}

describe('BookingStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let slots: AvailabilityStore;
    let bookings: BookingStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = await database.open();
      slots = new AvailabilityStore(handle.db);
      bookings = new BookingStore(handle.db);
    });

    afterAll(async () => {
      await database.dispose();
    });

    async function post(owner: StaffMember, request: AvailabilityRequest, area: 'norr' | 'sodra' = 'sodra'): Promise<Slot[]> {
      const outcome = await slots.postAvailability(owner, area, request, now);
      if (outcome.status !== 'posted') throw new Error(`expected slots, got ${outcome.problems.join(', ')}`);
      return [...outcome.slots];
    }

    function book(slot: Slot, by: StaffMember, extra: Partial<Parameters<BookingStore['bookSlot']>[0]> = {}) {
      return bookings.bookSlot({
        slotId: slot.id,
        kind: slot.kind,
        bookedBy: by,
        school: 'Broängsskolan',
        now,
        earliestStart: window.from,
        alternativesUntil: window.to,
        ...extra,
      });
    }

    describe('when a socialsekreterare posts times', () => {
      it('stores free slots and audits each one', async () => {
        const posted = await post(ahmed, meetings(10, 9, 12));
        expect(posted.map((slot) => slot.status)).toEqual(['free', 'free', 'free']);
        expect(posted[0]).toMatchObject({ owner: ahmed, area: 'sodra', kind: 'anmalningsmote', place: 'Mottagningen Södra, rum 2' });
        const audit = await bookings.auditTrail({ slotId: posted[0]!.id });
        expect(audit).toEqual([expect.objectContaining({ action: 'slot-posted', actorId: 'aad-ahmed', area: 'sodra' })]);
      });

      it('skips times that collide with the same person’s earlier slots, but not with someone else’s', async () => {
        await post(ahmed, meetings(11, 9, 11));
        const again = await slots.postAvailability(ahmed, 'sodra', meetings(11, 9, 11), now);
        expect(again).toMatchObject({ status: 'posted', slots: [] });
        expect(again.status === 'posted' && again.skipped.map((slot) => slot.reason)).toEqual(['overlap', 'overlap']);
        expect(await post(sara, meetings(11, 9, 11))).toHaveLength(2);
      });

      it('stores nothing for a request that breaks the rules', async () => {
        const outcome = await slots.postAvailability(ahmed, 'sodra', { ...meetings(12, 9, 12), place: '' }, now);
        expect(outcome).toEqual({ status: 'invalid', problems: ['place-missing'] });
        expect(await slots.listOwnSlots(ahmed.id, instantAt({ year: 2026, month: 3, day: 12 }, 0, 0, stockholm), { to: instantAt({ year: 2026, month: 3, day: 13 }, 0, 0, stockholm) })).toEqual([]);
      });
    });

    describe('when looking for free times', () => {
      it('lists the area’s free slots of the kind, nearest first, within the window', async () => {
        const norr = await post(sara, meetings(17, 9, 10), 'norr');
        const found = await slots.findFreeSlots({ area: 'sodra', kind: 'anmalningsmote', from: window.from, to: window.to, limit: 50 });
        expect(found.length).toBeGreaterThanOrEqual(5);
        expect(found.map((slot) => slot.start.getTime())).toEqual([...found.map((slot) => slot.start.getTime())].sort((a, b) => a - b));
        expect(found.every((slot) => slot.area === 'sodra' && slot.status === 'free')).toBe(true);
        expect(found.map((slot) => slot.id)).not.toContain(norr[0]!.id);
        expect(await slots.findFreeSlots({ area: 'sodra', kind: 'konsultation', from: window.from, to: window.to })).toEqual([]);
      });
    });

    describe('when a rektor books an anmälningsmöte', () => {
      it('holds the slot, keeps the routine’s planning defaults and a reference, and schedules the reminder', async () => {
        const [slot] = await post(ahmed, meetings(13, 9, 10));
        const booking = booked(await book(slot!, maria));

        expect(booking.reference).toMatch(/^AM-[2-9BCDFGHJKMNPQRSTVWXZ]{4}-[2-9BCDFGHJKMNPQRSTVWXZ]{2}$/);
        expect(booking).toMatchObject({
          slotId: slot!.id,
          kind: 'anmalningsmote',
          area: 'sodra',
          school: 'Broängsskolan',
          planning: { guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' },
          owner: ahmed,
          bookedBy: maria,
          status: 'booked',
          version: 0,
        });
        expect((await slots.getSlot(slot!.id))?.status).toBe('booked');
        expect(await bookings.getBooking(booking.reference.toLowerCase())).toEqual(booking);

        const reminders = await handle.db.selectFrom('reminders').selectAll().where('kind', '=', BOOKING_REMINDER_KIND).execute();
        const mine = reminders.filter((row) => JSON.parse(row.payload).bookingId === booking.id);
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({ status: 'pending', due_at: '2026-03-12T08:00:00.000Z' });
        expect(JSON.parse(mine[0]!.payload)).toEqual({ bookingId: booking.id });
      });

      it('refuses, as a programming error, an anmälningsmöte without a school', async () => {
        const [slot] = await post(ahmed, meetings(16, 9, 10));
        await expect(book(slot!, maria, { school: ' ' })).rejects.toBeInstanceOf(BookingRequestError);
        expect((await slots.getSlot(slot!.id))?.status).toBe('free');
      });

      it('does not book a slot that now lies within the lead time', async () => {
        const [slot] = await post(ahmed, meetings(18, 9, 10));
        const outcome = await book(slot!, maria, { earliestStart: new Date(slot!.start.getTime() + 60_000) });
        expect(outcome.status).toBe('taken');
        expect((await slots.getSlot(slot!.id))?.status).toBe('free');
      });

      it('says so when the slot does not exist', async () => {
        expect(await bookings.bookSlot({ slotId: 'no-such-slot', kind: 'anmalningsmote', bookedBy: maria, school: 'Broängsskolan', now, earliestStart: window.from, alternativesUntil: window.to })).toEqual({ status: 'not-found' });
      });

      it('draws a new reference when the first one is already taken', async () => {
        const draws = ['AM-2222-22', 'AM-2222-22', 'AM-3333-33'];
        const store = new BookingStore(handle.db, { newReference: () => draws.shift() ?? newBookingReference('anmalningsmote') });
        const [first, second] = await post(ahmed, meetings(19, 9, 11));
        const one = booked(await store.bookSlot({ slotId: first!.id, kind: 'anmalningsmote', bookedBy: maria, school: 'Broängsskolan', now, earliestStart: window.from, alternativesUntil: window.to }));
        const two = booked(await store.bookSlot({ slotId: second!.id, kind: 'anmalningsmote', bookedBy: maria, school: 'Broängsskolan', now, earliestStart: window.from, alternativesUntil: window.to }));
        expect([one.reference, two.reference]).toEqual(['AM-2222-22', 'AM-3333-33']);
      });
    });

    describe('when a staff member books a konsultation', () => {
      it('stores only who booked and when: no school, no planning answers', async () => {
        const outcome = await slots.postAvailability(sara, 'sodra', { ...meetings(20, 13, 14), kind: 'konsultation', place: undefined }, now);
        const slot = outcome.status === 'posted' ? outcome.slots[0]! : undefined;
        const booking = booked(await book(slot!, stranger, { school: 'Broängsskolan', planning: { guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' } }));
        expect(booking.reference).toMatch(/^KO-/);
        expect(booking.school).toBeUndefined();
        expect(booking.planning).toBeUndefined();
        const row = await handle.db.selectFrom('bookings').selectAll().where('id', '=', booking.id).executeTakeFirstOrThrow();
        expect([row.school, row.guardians_invited_by, row.led_by, row.meeting_location, row.place]).toEqual([null, null, null, null, null]);
      });
    });

    describe(`THE RACE: 50 people book the same slot at the same moment`, () => {
      it('gives the slot to exactly one; the other 49 are offered the next free slots; the audit has one booking', async () => {
        // Several handles on PostgreSQL act as several bot instances with their own connection pools.
        // On SQLite one handle: a second handle in the same process would wait for the file lock synchronously.
        const instances = dialect === 'postgres' ? [handle, await database.open(), await database.open()] : [handle];
        const stores = instances.map((instance) => new BookingStore(instance.db));
        const [contested, ...others] = await post(ahmed, meetings(17, 13, 17));
        const attempts = 50;

        const outcomes = await Promise.all(
          Array.from({ length: attempts }, (_, i) =>
            stores[i % stores.length]!.bookSlot({
              slotId: contested!.id,
              kind: 'anmalningsmote',
              bookedBy: { id: `aad-rektor-${i}`, name: `Rektor ${i}` },
              school: 'Broängsskolan',
              now,
              earliestStart: window.from,
              alternativesUntil: window.to,
            }),
          ),
        );

        const winners = outcomes.filter((outcome) => outcome.status === 'booked');
        const losers = outcomes.filter((outcome) => outcome.status === 'taken');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(attempts - 1);
        for (const loser of losers) {
          expect(loser.alternatives.length).toBeGreaterThan(0);
          expect(loser.alternatives.map((slot) => slot.id)).not.toContain(contested!.id);
          expect(loser.alternatives.every((slot) => slot.status === 'free')).toBe(true);
        }
        expect(losers[0]!.alternatives[0]!.start.getTime()).toBeLessThanOrEqual(others[0]!.start.getTime());

        const stored = await handle.db.selectFrom('bookings').selectAll().where('slot_id', '=', contested!.id).execute();
        expect(stored).toHaveLength(1);
        const audit = await bookings.auditTrail({ slotId: contested!.id, action: 'booked' });
        expect(audit).toHaveLength(1);
        expect(audit[0]!.bookingReference).toBe(stored[0]!.reference);

        console.log(
          `[race on ${dialect}] ${attempts} concurrent bookings over ${instances.length} instance(s): ${winners.length} booked, ` +
            `${losers.length} taken (each offered ${[...new Set(losers.map((loser) => loser.alternatives.length))].join('/')} alternatives), ` +
            `rows in bookings for the slot: ${stored.length}, 'booked' audit entries: ${audit.length}`,
        );
      });
    });

    describe('when the booker cancels', () => {
      it('frees the slot, cancels the reminder and audits it; a second cancel changes nothing', async () => {
        const [slot] = await post(ahmed, meetings(25, 9, 10));
        const booking = booked(await book(slot!, maria));

        expect(await bookings.cancelBooking(booking.reference, stranger, now)).toEqual({ status: 'not-allowed' });
        const outcome = await bookings.cancelBooking(booking.reference, maria, now);
        expect(outcome).toMatchObject({ status: 'cancelled', cancelledBy: 'booker', booking: { status: 'cancelled', version: 1 } });
        expect((await slots.getSlot(slot!.id))?.status).toBe('free');
        expect(await bookings.cancelBooking(booking.reference, maria, now)).toEqual({ status: 'already-cancelled' });

        const reminder = await handle.db.selectFrom('reminders').select('status').where('dedupe_key', 'like', `%${booking.id}%`).executeTakeFirstOrThrow();
        expect(reminder.status).toBe('cancelled');
        const audit = await bookings.auditTrail({ bookingReference: booking.reference });
        expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([['booked', 'aad-maria'], ['booking-cancelled', 'aad-maria']]);
      });

      it('lets someone else book the freed slot', async () => {
        const [slot] = await post(ahmed, meetings(26, 9, 10));
        const first = booked(await book(slot!, maria));
        await bookings.cancelBooking(first.reference, maria, now);
        const second = booked(await book(slot!, stranger));
        expect(second.reference).not.toBe(first.reference);
      });
    });

    describe('when the socialsekreterare cancels a booked slot', () => {
      it('cancels the booking too and returns it so the booker can be told', async () => {
        const [slot] = await post(ahmed, meetings(27, 9, 10));
        const booking = booked(await book(slot!, maria));

        expect(await bookings.cancelSlot(slot!.id, sara, now)).toEqual({ status: 'not-allowed' });
        const outcome = await bookings.cancelSlot(slot!.id, ahmed, now);
        expect(outcome).toMatchObject({ status: 'cancelled', slot: { status: 'cancelled' }, cancelledBooking: { reference: booking.reference, status: 'cancelled', bookedBy: maria } });
        expect(await bookings.cancelSlot(slot!.id, ahmed, now)).toEqual({ status: 'already-cancelled' });
        expect(await slots.findFreeSlots({ area: 'sodra', kind: 'anmalningsmote', from: slot!.start, to: slot!.start })).toEqual([]);
      });

      it('cancels a free slot without a booking', async () => {
        const [slot] = await post(ahmed, meetings(30, 9, 10));
        const outcome = await bookings.cancelSlot(slot!.id, ahmed, now);
        expect(outcome).toMatchObject({ status: 'cancelled', slot: { status: 'cancelled' } });
        expect(outcome.status === 'cancelled' && outcome.cancelledBooking).toBeUndefined();
      });
    });

    describe('when a booking is moved', () => {
      it('keeps the reference, takes the new slot, frees the old one and moves the reminder', async () => {
        const [from, to] = await post(ahmed, meetings(31, 9, 11));
        const booking = booked(await book(from!, maria));
        const moved = await bookings.moveBooking({ reference: booking.reference, toSlotId: to!.id, actor: ahmed, now, earliestStart: window.from, alternativesUntil: window.to });

        expect(moved).toMatchObject({ status: 'moved', movedBy: 'owner', booking: { reference: booking.reference, slotId: to!.id, version: 1, start: to!.start }, previous: { slotId: from!.id } });
        expect((await slots.getSlot(from!.id))?.status).toBe('free');
        expect((await slots.getSlot(to!.id))?.status).toBe('booked');
        const reminders = await handle.db.selectFrom('reminders').select(['status', 'due_at']).where('dedupe_key', 'like', `%${booking.id}%`).orderBy('created_at').execute();
        expect(reminders.map((row) => row.status).sort()).toEqual(['cancelled', 'pending']);
      });

      it('offers other times when the wanted one was taken meanwhile', async () => {
        const [from, to] = await post(sara, meetings(23, 9, 11));
        const mine = booked(await book(from!, maria));
        booked(await book(to!, stranger));
        const outcome = await bookings.moveBooking({ reference: mine.reference, toSlotId: to!.id, actor: maria, now, earliestStart: window.from, alternativesUntil: window.to });
        expect(outcome.status).toBe('taken');
        expect(outcome.status === 'taken' && outcome.alternatives.map((slot) => slot.id)).not.toContain(from!.id);
        expect((await bookings.getBooking(mine.reference))?.slotId).toBe(from!.id);
      });

      it('refuses a stranger', async () => {
        const [from, to] = await post(ahmed, meetings(24, 14, 16));
        const booking = booked(await book(from!, maria));
        expect(await bookings.moveBooking({ reference: booking.reference, toSlotId: to!.id, actor: stranger, now, earliestStart: window.from, alternativesUntil: window.to })).toEqual({ status: 'not-allowed' });
      });
    });

    describe('when listing', () => {
      it('shows a booker their bookings and a socialsekreterare the bookings of their slots', async () => {
        const mine = await bookings.listBookings({ bookedById: maria.id, from: now });
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every((booking) => booking.bookedBy.id === maria.id && booking.status === 'booked')).toBe(true);
        const ahmeds = await bookings.listBookings({ ownerId: ahmed.id, from: now });
        expect(ahmeds.every((booking) => booking.owner.id === ahmed.id)).toBe(true);
      });
    });

    describe('when bookings are older than the retention', () => {
      it('purges them and their slots, keeps the rest, and keeps the audit with a purge entry', async () => {
        const [slot] = await post(ahmed, meetings(9, 13, 14));
        const booking = booked(await book(slot!, maria, { earliestStart: now }));
        const laterNow = new Date(booking.end.getTime() + 31 * 86_400_000);
        const cutoff = new Date(laterNow.getTime() - 30 * 86_400_000);

        const purged = await bookings.purgeEndedBefore(cutoff, laterNow);
        expect(purged.bookings).toBeGreaterThanOrEqual(1);
        expect(await bookings.getBooking(booking.reference)).toBeUndefined();
        expect(await slots.getSlot(slot!.id)).toBeUndefined();
        const audit = await bookings.auditTrail({ bookingReference: booking.reference });
        expect(audit.map((entry) => entry.action)).toEqual(['booked', 'booking-purged']);
        expect(audit[1]!.actorId).toBe('system');
        expect(await bookings.listBookings({ bookedById: maria.id, from: laterNow })).toEqual(
          expect.arrayContaining([]),
        );
        const remaining = await handle.db.selectFrom('bookings').select('ends_at').execute();
        expect(remaining.every((row) => row.ends_at >= cutoff.toISOString())).toBe(true);
      });
    });
  });

  describe('THE RACE on SQLite across bot instances in separate threads, each with its own connection to the file', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase('sqlite');
    });

    afterAll(async () => {
      await database.dispose();
    });

    // Slow to start (each thread compiles the storage code), quick to race; hence the long timeout.
    it('still gives the slot to exactly one of 51', async () => {
      const handle = await database.open();
      const posted = await new AvailabilityStore(handle.db).postAvailability(ahmed, 'sodra', meetings(17, 13, 17), now);
      const [contested] = posted.status === 'posted' ? posted.slots : [];
      await handle.close();

      const instances = 3;
      const start = new SharedArrayBuffer(4);
      const raceWorker = new URL('../helpers/booking-race-worker.ts', import.meta.url);
      const workers = Array.from({ length: instances }, (_, instance) =>
        // tsx registers its TypeScript loader inside the thread first; a worker does not inherit vitest's.
        new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(raceWorker.href)}); })`, {
          eval: true,
          workerData: {
            sqlitePath: database.options.sqlitePath,
            slotId: contested!.id,
            attempts: 17,
            instance,
            now: now.toISOString(),
            earliestStart: window.from.toISOString(),
            alternativesUntil: window.to.toISOString(),
            start,
          },
        }),
      );
      const results = workers.map(
        (worker) =>
          new Promise<{ status: string; alternatives: string[] }[]>((resolve, reject) => {
            worker.on('message', (message: { outcomes?: { status: string; alternatives: string[] }[] }) => message.outcomes && resolve(message.outcomes));
            worker.on('error', reject);
          }),
      );
      await Promise.all(workers.map((worker) => new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      })));
      Atomics.store(new Int32Array(start), 0, 1);
      Atomics.notify(new Int32Array(start), 0);
      const outcomes = (await Promise.all(results)).flat();
      await Promise.all(workers.map((worker) => worker.terminate()));

      const check = await database.open();
      const stored = await check.db.selectFrom('bookings').select('reference').where('slot_id', '=', contested!.id).execute();
      const audit = await new BookingStore(check.db).auditTrail({ slotId: contested!.id, action: 'booked' });
      expect(outcomes.filter((outcome) => outcome.status === 'booked')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.status === 'taken' && outcome.alternatives.length > 0)).toHaveLength(outcomes.length - 1);
      expect(outcomes).toHaveLength(51);
      expect(stored).toHaveLength(1);
      expect(audit).toHaveLength(1);
      console.log(
        `[race on sqlite, ${instances} threads] ${outcomes.length} concurrent bookings: ${outcomes.filter((o) => o.status === 'booked').length} booked, ` +
          `${outcomes.filter((o) => o.status === 'taken').length} taken with alternatives, rows in bookings for the slot: ${stored.length}, 'booked' audit entries: ${audit.length}`,
      );
    }, 120_000);
  });

  describe.each(testDialects)('when two bot processes on one %s database book and cancel at the same time', (dialect) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });

    afterAll(async () => {
      await database.dispose();
    });

    // Each process compiles the storage code with tsx before it races; hence the long timeout.
    it('fails none of the bookings and cancellations and leaves every slot free with a matching audit', async () => {
      const handle = await database.open();
      // A week of slots; both processes walk them in the same order, so they often want the same one.
      const slotIds: string[] = [];
      for (const day of [16, 17, 18, 19, 20]) {
        const posted = await new AvailabilityStore(handle.db).postAvailability(sara, 'norr', meetings(day, 9, 16), now);
        if (posted.status !== 'posted') throw new Error(`expected slots to book: ${posted.problems.join(', ')}`);
        slotIds.push(...posted.slots.map((slot) => slot.id));
      }
      await handle.close();

      const processes = [0, 1].map((instance) =>
        startChurnProcess({
          ...(dialect === 'sqlite' ? { sqlitePath: database.options.sqlitePath } : { databaseUrl: database.options.databaseUrl }),
          slotIds,
          instance,
          rounds: 150,
          lanes: 4,
          now: now.toISOString(),
          earliestStart: window.from.toISOString(),
          alternativesUntil: window.to.toISOString(),
        }),
      );
      await Promise.all(processes.map((child) => child.ready));
      for (const child of processes) child.go();
      const reports = await Promise.all(processes.map((child) => child.report));

      const sum = (pick: (report: ChurnReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
      const errorCounts = new Map<string, number>();
      for (const [code, count] of reports.flatMap((report) => Object.entries(report.errors))) errorCounts.set(code, (errorCounts.get(code) ?? 0) + count);
      const errors = [...errorCounts];
      const failed = errors.reduce((total, [, count]) => total + count, 0);
      console.log(
        `[book + cancel on ${dialect}, 2 processes × 4 lanes] ${sum((r) => r.bookAttempts)} bookings tried (${sum((r) => r.booked)} booked, ` +
          `${sum((r) => r.taken)} taken), ${sum((r) => r.cancelAttempts)} cancellations tried (${sum((r) => r.cancelled)} cancelled), ` +
          `${failed} failed${failed > 0 ? ` (${errors.map(([code, count]) => `${code}: ${count}`).join(', ')})` : ''}`,
      );
      expect(errors).toEqual([]);
      // The two really ran at the same time: each started before the other finished.
      expect(reports[0]!.startedAt).toBeLessThan(reports[1]!.endedAt);
      expect(reports[1]!.startedAt).toBeLessThan(reports[0]!.endedAt);
      expect(sum((r) => r.bookAttempts)).toBe(2 * 4 * 150);
      expect(sum((r) => r.booked)).toBeGreaterThan(0);
      expect(sum((r) => r.cancelled)).toBe(sum((r) => r.booked));

      const check = await database.open();
      const slotStatuses = await check.db.selectFrom('availability_slots').select('status').where('id', 'in', slotIds).execute();
      expect(slotStatuses.every((slot) => slot.status === 'free')).toBe(true);
      const stillBooked = await check.db.selectFrom('bookings').select('id').where('slot_id', 'in', slotIds).where('status', '=', 'booked').execute();
      expect(stillBooked).toEqual([]);
      const trail = new BookingStore(check.db);
      expect(await trail.auditTrail({ action: 'booked' }).then((entries) => entries.filter((entry) => slotIds.includes(entry.slotId!)).length)).toBe(sum((r) => r.booked));
      expect(await trail.auditTrail({ action: 'booking-cancelled' }).then((entries) => entries.filter((entry) => slotIds.includes(entry.slotId!)).length)).toBe(sum((r) => r.cancelled));
    }, 120_000);
  });
});

/** A churn process that has been started and waits for `go()`; `report` resolves with its counts. */
interface ChurnProcess {
  readonly ready: Promise<void>;
  go(): void;
  readonly report: Promise<ChurnReport>;
}

/** Starts test/helpers/booking-churn-process.ts as its own Node process, as `npm start` starts the bot. */
function startChurnProcess(orders: ChurnOrders): ChurnProcess {
  const script = fileURLToPath(new URL('../helpers/booking-churn-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(orders)], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (line === 'ready') onReady();
  });
  const report = new Promise<ChurnReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = lines.at(-1);
      if (code === 0 && last?.startsWith('{')) resolve(JSON.parse(last) as ChurnReport);
      else reject(new Error(`churn process ${orders.instance} exited with ${code}:\n${stderr.join('\n')}`));
    });
  });
  // A process that dies before it is ready must fail the test rather than hang it.
  const readyOrDead = Promise.race([ready, report.then(() => undefined)]);
  return { ready: readyOrDead, go: () => child.stdin.end('go\n'), report };
}
