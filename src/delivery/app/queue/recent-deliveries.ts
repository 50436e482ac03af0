/**
 * Delivery ids seen lately, oldest forgotten first. GitHub redelivers on request or after a
 * timeout, within hours; the last ten thousand ids cover a busy App's day in little memory.
 */
export class RecentDeliveries {
  readonly #ids = new Set<string>();

  readonly capacity: number;

  constructor(capacity = 10_000) {
    this.capacity = capacity;
  }

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const [oldest] = this.#ids;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return true;
  }
}
