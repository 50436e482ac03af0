/**
 * Runs tasks one at a time per key (one pull request), in arrival order. Two deliveries for the
 * same pull request therefore never list-then-create the comment at the same moment. Only within
 * one process: replicas do not see each other's queues.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running; empty when idle, so the map cannot grow without bound. */
  get size(): number {
    return this.#tails.size;
  }
}
