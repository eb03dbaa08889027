import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Port: leases on conversations shared by every bot instance (storage/turn-lease-store.ts). */
export interface TurnLeases {
  tryAcquire(key: string, holder: string, leaseMs: number): Promise<boolean>;
  release(key: string, holder: string): Promise<void>;
}

/** No instance gave the conversation free in time; the turn fails with a calm reply and can be sent again. */
export class ConversationBusyError extends Error {
  readonly code = 'CONVERSATION_BUSY';
  constructor() {
    super('Another turn of this conversation held it too long.');
    this.name = 'ConversationBusyError';
  }
}

/** Tunables; production uses the defaults. */
export interface ConversationTurnsOptions {
  /** Longer than any turn (a model call has OPENAI_TIMEOUT_MS); a dead instance's lease ends after this. */
  readonly leaseMs?: number;
  /** How long a turn waits for the conversation before it gives up. */
  readonly waitMs?: number;
  readonly instanceId?: string;
}

const defaultLeaseMs = 30_000;
const defaultWaitMs = 20_000;
const firstPollMs = 5;
const maxPollMs = 100;

/**
 * Runs the turns of one conversation one at a time, on this instance and across instances: turns
 * queue here in arrival order, and each takes the conversation's lease in the database before it
 * reads state, so two instances never run the same conversation at once and no update is lost.
 * Turns of different conversations run side by side.
 */
export class ConversationTurns {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly instanceId: string;
  private turnCount = 0;

  constructor(
    private readonly leases: TurnLeases,
    options: ConversationTurnsOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? defaultLeaseMs;
    this.waitMs = options.waitMs ?? defaultWaitMs;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /**
   * Runs `turn` when no other turn of conversation `key` runs anywhere. With `writesNothing`, asked once
   * the turns before it on this instance are done: when it answers true the turn runs without the
   * database lease, since a turn that reads the stored state and writes none cannot lose or undo
   * another instance's update; it acts on the state as it was when read.
   */
  async run<T>(key: string, turn: () => Promise<T>, options: { readonly writesNothing?: () => Promise<boolean> } = {}): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = before.then(() => new Promise<void>((resolve) => (done = resolve)));
    this.queues.set(key, mine);
    await before;
    try {
      if (options.writesNothing && (await options.writesNothing())) return await turn();
      const holder = `${this.instanceId}:${this.turnCount++}`;
      await this.acquire(key, holder);
      try {
        return await turn();
      } finally {
        await this.leases.release(key, holder);
      }
    } finally {
      done();
      if (this.queues.get(key) === mine) this.queues.delete(key);
    }
  }

  private async acquire(key: string, holder: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    let pollMs = firstPollMs;
    while (!(await this.leases.tryAcquire(key, holder, this.leaseMs))) {
      if (Date.now() > deadline) throw new ConversationBusyError();
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      pollMs = Math.min(pollMs * 2, maxPollMs);
    }
  }
}
