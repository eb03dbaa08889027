import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityRequest } from '../../booking/availability-rules.js';
import type { Booking } from '../../booking/booking-model.js';
import type { BookingNotifier } from '../../booking/booking-ports.js';
import { BookingService, type BookingActor } from '../../booking/booking-service.js';
import { createRoleDirectory } from '../../municipality/roles.js';
import { instantAt } from '../../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../../scheduling/swedish-time.js';
import { AvailabilityStore } from '../../storage/availability-store.js';
import { BookingStore } from '../../storage/booking-store.js';
import { StaffProfileStore } from '../../storage/staff-profile-store.js';
import { realKnowledge } from '../dialogs/dialog-harness.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

/** Monday 9 March 2026, 08.00 in Stockholm. */
const now = instantAt({ year: 2026, month: 3, day: 9 }, 8, 0, SWEDISH_TIMEZONE);
const oid = {
  ahmed: 'b0000000-0000-4000-8000-000000000001',
  sara: 'b0000000-0000-4000-8000-000000000002',
  maria: 'b0000000-0000-4000-8000-000000000003',
  rut: 'b0000000-0000-4000-8000-000000000004',
  leila: 'b0000000-0000-4000-8000-000000000005',
};

function times(kind: AvailabilityRequest['kind'], day: number, fromHour: number, toHour: number): AvailabilityRequest {
  return {
    kind,
    date: { year: 2026, month: 3, day },
    from: { hour: fromHour, minute: 0 },
    to: { hour: toHour, minute: 0 },
    slotLengthMinutes: 60,
    bufferMinutes: 0,
    repeatWeeks: 1,
    ...(kind === 'anmalningsmote' ? { place: 'Mottagningen, rum 1' } : {}),
  };
}

describe('BookingService', () => {
  let database: TestDatabase;
  let service: BookingService;
  let profiles: StaffProfileStore;
  const told: string[] = [];
  const actor = (name: keyof typeof oid): BookingActor => service.actor({ aadObjectId: oid[name], teamsId: `29:${name}`, name });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const handle = await database.open();
    const notifier: BookingNotifier = {
      bookingConfirmed: async (booking: Booking) => void told.push(`confirmed:${booking.owner.name}`),
      bookingCancelled: async (booking: Booking, by) => void told.push(`cancelled-by-${by}:${booking.reference}`),
      bookingMoved: async (_booking: Booking, _previous: Booking, by) => void told.push(`moved-by-${by}`),
    };
    service = new BookingService({
      roles: createRoleDirectory([
        { role: 'socialsekreterare', area: 'norr', aadObjectId: oid.ahmed },
        { role: 'socialsekreterare', area: 'sodra', aadObjectId: oid.sara },
        { role: 'rektor', school: 'Broängsskolan', aadObjectId: oid.maria },
        { role: 'rektor', aadObjectId: oid.rut },
      ]),
      profiles: (profiles = new StaffProfileStore(handle.db)),
      contacts: (await realKnowledge()).contacts,
      availability: new AvailabilityStore(handle.db),
      bookings: new BookingStore(handle.db),
      notifier,
      clock: { now: () => now },
    });
    await service.post(actor('ahmed'), times('anmalningsmote', 10, 9, 11));
    await service.post(actor('ahmed'), times('konsultation', 10, 13, 15));
    await service.post(actor('sara'), times('anmalningsmote', 11, 9, 11));
    await service.post(actor('sara'), times('konsultation', 11, 13, 15));
    // Slots beyond the 14-day booking window, which may still be posted.
    await service.post(actor('sara'), times('konsultation', 30, 13, 14));
  });

  afterAll(async () => {
    await database.dispose();
  });

  describe('when the role may not do it', () => {
    it('refuses with the calm text, the same for every adapter', async () => {
      const leilaPosts = await service.post(actor('leila'), times('konsultation', 12, 9, 10));
      const ahmedBooks = await service.freeSlots(actor('ahmed'), 'konsultation', { limit: 5 });
      const leilaBooksMeeting = await service.freeSlots(actor('leila'), 'anmalningsmote', { limit: 5 });

      expect(leilaPosts).toMatchObject({ status: 'refused', action: 'post-availability' });
      expect(ahmedBooks).toMatchObject({ status: 'refused', action: 'book-konsultation' });
      expect(leilaBooksMeeting.status === 'refused' && leilaBooksMeeting.text).toMatch(/Anmälningsmöten bokas av rektor eller förskolechef/);
    });
  });

  describe('when the booker’s school decides the area', () => {
    it('takes a rektor’s school from roles.yaml over one chosen in the chat', async () => {
      await profiles.rememberSchool(oid.maria, 'hallundaskolan');
      const place = await service.placeOf(actor('maria'));

      expect(place).toMatchObject({ school: 'Broängsskolan', area: 'sodra', section: { name: 'Mottagningssektion Södra' } });
    });

    it('takes the school chosen in the chat for a rektor without one in roles.yaml, and for elevhälsa', async () => {
      const before = await service.freeSlots(actor('rut'), 'anmalningsmote', { limit: 5 });
      await profiles.rememberSchool(oid.rut, 'hallundaskolan');
      await profiles.rememberSchool(oid.leila, 'tunaskolan');
      const rut = await service.freeSlots(actor('rut'), 'anmalningsmote', { limit: 5 });
      const leila = await service.freeSlots(actor('leila'), 'konsultation', { limit: 5 });

      expect(before.status).toBe('no-school');
      expect(rut.status === 'listed' && rut.slots.map((slot) => slot.owner.id)).toEqual([oid.ahmed, oid.ahmed]);
      expect(leila.status === 'listed' && leila.slots.map((slot) => slot.area)).toEqual(['sodra', 'sodra']);
    });
  });

  describe('when a slot is booked', () => {
    it('books in the own area within the window and tells the socialsekreterare', async () => {
      const free = await service.freeSlots(actor('maria'), 'anmalningsmote', { limit: 5 });
      if (free.status !== 'listed') throw new Error(free.status);
      const outcome = await service.book(actor('maria'), { slotId: free.slots[0]!.id, kind: 'anmalningsmote' });

      expect(outcome).toMatchObject({ status: 'booked', booking: { school: 'Broängsskolan', area: 'sodra', planning: { location: 'skolan' } } });
      expect(told).toContain('confirmed:sara');
    });

    it('refuses another area’s slot, a slot beyond the window and a taken one (offering the nearest)', async () => {
      const norr = await service.freeSlots(actor('rut'), 'konsultation', { limit: 5 });
      const sodraLater = (await service.ownSlots(actor('sara'), now, instantAt({ year: 2026, month: 4, day: 1 }, 0, 0, SWEDISH_TIMEZONE)));
      if (norr.status !== 'listed' || sodraLater.status !== 'listed') throw new Error('no slots');
      const beyond = sodraLater.slots.find((slot) => slot.start.getUTCDate() === 30)!;
      const taken = sodraLater.slots.find((slot) => slot.status === 'booked')!;

      expect((await service.book(actor('leila'), { slotId: norr.slots[0]!.id, kind: 'konsultation' })).status).toBe('other-area');
      expect((await service.book(actor('leila'), { slotId: beyond.id, kind: 'konsultation' })).status).toBe('outside-window');
      const again = await service.book(actor('maria'), { slotId: taken.id, kind: 'anmalningsmote' });
      expect(again.status).toBe('taken');
      expect(again.status === 'taken' && again.alternatives.map((slot) => slot.area)).toEqual(['sodra']);
    });

    it('never stores a school for an anonymous konsultation', async () => {
      const free = await service.freeSlots(actor('leila'), 'konsultation', { limit: 1 });
      if (free.status !== 'listed') throw new Error(free.status);
      const outcome = await service.book(actor('leila'), { slotId: free.slots[0]!.id, kind: 'konsultation' });

      expect(outcome.status === 'booked' && outcome.booking.school).toBeUndefined();
    });
  });

  describe('when a booking is moved or cancelled', () => {
    it('moves within the area and tells the other side, then cancels and tells them again', async () => {
      const [mine] = await service.ownBookings(actor('leila'), now);
      const targets = await service.moveTargets(actor('leila'), mine!.reference, 5);
      if (targets.status !== 'found') throw new Error(targets.status);
      const moved = await service.move(actor('leila'), mine!.reference, targets.slots[0]!.id);
      const byStranger = await service.cancelBooking(actor('maria'), mine!.reference);
      const cancelled = await service.cancelBooking(actor('leila'), mine!.reference);

      expect(moved.status).toBe('moved');
      expect(byStranger.status).toBe('not-allowed');
      expect(cancelled.status).toBe('cancelled');
      expect(told).toEqual(expect.arrayContaining(['moved-by-booker', `cancelled-by-booker:${mine!.reference}`]));
    });
  });
});
