// A background loop that runs one step, waits, and runs it again — the job runner and the order delivery
// both poll Postgres this way. stop() waits for the step in flight; a step reads `stopRequested` to end
// early. A step called directly on a loop never started (tests, the CLI) runs to the end.
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private requested = false;

  constructor(
    private readonly step: () => Promise<unknown>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Set by stop() only. */
  get stopRequested(): boolean {
    return this.requested;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.requested = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the step in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.requested = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.step()
        .then(
          () => undefined,
          (error: unknown) => this.onError(error),
        )
        .then(() => this.schedule(this.pollMs));
    }, delay);
    this.timer.unref?.();
  }
}
