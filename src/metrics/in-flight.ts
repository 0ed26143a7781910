// Updates being handled by this process, so a shutdown can wait for them (and the gauge shows them).
import type { Gauge } from 'prom-client';

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly gauge?: Gauge) {}

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` as one tracked update; its result or error is the caller's. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    this.gauge?.inc();
    void settled.then(() => {
      this.running.delete(settled);
      this.gauge?.dec();
    });
    return promise;
  }

  /** Resolves when every update started so far (and any started meanwhile) has finished. */
  async drained(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
