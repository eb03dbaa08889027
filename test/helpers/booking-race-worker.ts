import { parentPort, workerData } from 'node:worker_threads';
import { BookingStore } from '../../storage/booking-store.js';
import { openDatabase } from '../../storage/index.js';

/** One bot instance in its own thread with its own SQLite connection: waits for the start signal, then books. */
interface RaceWorkerData {
  readonly sqlitePath: string;
  readonly slotId: string;
  readonly attempts: number;
  readonly instance: number;
  readonly now: string;
  readonly earliestStart: string;
  readonly alternativesUntil: string;
  /** Int32Array over a SharedArrayBuffer: [0] is the start signal. */
  readonly start: SharedArrayBuffer;
}

const data = workerData as RaceWorkerData;
const handle = await openDatabase({ sqlitePath: data.sqlitePath, busyTimeoutMs: 10_000 });
const store = new BookingStore(handle.db);
const signal = new Int32Array(data.start);
parentPort!.postMessage({ ready: true });
Atomics.wait(signal, 0, 0);
const outcomes = await Promise.all(
  Array.from({ length: data.attempts }, (_, i) =>
    store.bookSlot({
      slotId: data.slotId,
      kind: 'anmalningsmote',
      bookedBy: { id: `aad-rektor-${data.instance}-${i}`, name: `Rektor ${data.instance}-${i}` },
      school: 'Broängsskolan',
      now: new Date(data.now),
      earliestStart: new Date(data.earliestStart),
      alternativesUntil: new Date(data.alternativesUntil),
    }),
  ),
);
await handle.close();
parentPort!.postMessage({ outcomes: outcomes.map((outcome) => ({ status: outcome.status, alternatives: outcome.status === 'taken' ? outcome.alternatives.map((slot) => slot.id) : [] })) });
