/** Wall time spent in each phase of one review, for `--timings` and `npm run bench`. */
export class PhaseClock {
  readonly #phases = new Map<string, number>();

  /** Runs `work` and adds its duration (until its promise settles, for async work) to `phase`. */
  time<T>(phase: string, work: () => T): T {
    const started = performance.now();
    const result = work();
    if (result instanceof Promise)
      return result.finally(() => this.#add(phase, performance.now() - started)) as T;
    this.#add(phase, performance.now() - started);
    return result;
  }

  /** Phases in the order they first ran, with their total milliseconds. */
  phases(): Array<{ phase: string; ms: number }> {
    return [...this.#phases].map(([phase, ms]) => ({ phase, ms }));
  }

  #add(phase: string, ms: number): void {
    this.#phases.set(phase, (this.#phases.get(phase) ?? 0) + ms);
  }
}

/** `clock.time`, or the work run untimed when there is no clock. */
export function timeWith(clock: PhaseClock | undefined): PhaseClock['time'] {
  return clock ? clock.time.bind(clock) : (_phase, work) => work();
}
