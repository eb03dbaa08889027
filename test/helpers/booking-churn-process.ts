import { createInterface } from 'node:readline';
import { BookingStore } from '../../storage/booking-store.js';
import { openDatabase } from '../../storage/index.js';

/**
 * One bot instance as its own process (`node --import tsx booking-churn-process.ts '<json>'`): opens
 * the database, prints `ready`, waits for `go` on stdin, then books and cancels the given slots in
 * several lanes at once, as many people using one instance would. Prints one JSON line of counts;
 * a failed operation is counted under its error code, never thrown.
 */
export interface ChurnOrders {
  readonly sqlitePath?: string;
  readonly databaseUrl?: string;
  /** Free slots every instance books from, in the same order, so the instances collide. */
  readonly slotIds: readonly string[];
  readonly instance: number;
  /** Book-then-cancel rounds per lane. */
  readonly rounds: number;
  /** Operations this instance runs at once. */
  readonly lanes: number;
  readonly now: string;
  readonly earliestStart: string;
  readonly alternativesUntil: string;
}

/** What one instance reports when it is done. */
export interface ChurnReport {
  readonly instance: number;
  readonly bookAttempts: number;
  readonly booked: number;
  readonly taken: number;
  readonly cancelAttempts: number;
  readonly cancelled: number;
  /** Failed operations by error code (or error name when there is no code). */
  readonly errors: Record<string, number>;
  /** When the first operation started and the last one ended (epoch ms), to check that the instances overlapped. */
  readonly startedAt: number;
  readonly endedAt: number;
}

const orders = JSON.parse(process.argv[2] ?? '{}') as ChurnOrders;
const handle = await openDatabase({ databaseUrl: orders.databaseUrl, sqlitePath: orders.sqlitePath ?? ':memory:' });
const store = new BookingStore(handle.db);
const report = { instance: orders.instance, bookAttempts: 0, booked: 0, taken: 0, cancelAttempts: 0, cancelled: 0, errors: {} as Record<string, number>, startedAt: 0, endedAt: 0 };

function countError(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  const key = typeof code === 'string' ? code : (error as Error).name;
  report.errors[key] = (report.errors[key] ?? 0) + 1;
}

async function lane(laneIndex: number): Promise<void> {
  for (let round = 0; round < orders.rounds; round += 1) {
    const slotId = orders.slotIds[(round * orders.lanes + laneIndex) % orders.slotIds.length]!;
    const bookedBy = { id: `aad-churn-${orders.instance}-${laneIndex}`, name: `Rektor ${orders.instance}-${laneIndex}` };
    let reference: string | undefined;
    report.bookAttempts += 1;
    try {
      const outcome = await store.bookSlot({
        slotId,
        kind: 'anmalningsmote',
        bookedBy,
        school: 'Broängsskolan',
        now: new Date(orders.now),
        earliestStart: new Date(orders.earliestStart),
        alternativesUntil: new Date(orders.alternativesUntil),
      });
      if (outcome.status === 'booked') {
        report.booked += 1;
        reference = outcome.booking.reference;
      } else {
        report.taken += 1;
      }
    } catch (error) {
      countError(error);
    }
    if (reference === undefined) continue;
    report.cancelAttempts += 1;
    try {
      const outcome = await store.cancelBooking(reference, bookedBy, new Date(orders.now));
      if (outcome.status === 'cancelled') report.cancelled += 1;
      else report.errors[`unexpected-${outcome.status}`] = (report.errors[`unexpected-${outcome.status}`] ?? 0) + 1;
    } catch (error) {
      countError(error);
    }
  }
}

const go = new Promise<void>((resolve) => {
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line.trim() === 'go') {
      input.close();
      resolve();
    }
  });
});
process.stdout.write('ready\n');
await go;
report.startedAt = Date.now();
await Promise.all(Array.from({ length: orders.lanes }, (_, laneIndex) => lane(laneIndex)));
report.endedAt = Date.now();
await handle.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
