/**
 * Counts the turns the HTTP host is running, so a stop can let them finish: once draining, no new
 * turn starts (the host answers 503 and `/readyz` says not ready) and `drain` resolves when the
 * last running turn has answered, or when the time is up.
 */
export class InFlightTurns {
  private running = 0;
  private stopping = false;
  private readonly waiters: Array<() => void> = [];

  /** True once a stop has begun. */
  get draining(): boolean {
    return this.stopping;
  }

  /** How many turns are running now. */
  get count(): number {
    return this.running;
  }

  /** Starts a turn; false when the bot is stopping and the turn must be refused. */
  begin(): boolean {
    if (this.stopping) return false;
    this.running += 1;
    return true;
  }

  /** Ends a turn begun with `begin`. */
  end(): void {
    this.running -= 1;
    if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Refuses new turns and waits for the running ones; resolves with how many were still running at the deadline. */
  async drain(timeoutMs: number): Promise<number> {
    this.stopping = true;
    if (this.running === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return this.running;
  }
}
