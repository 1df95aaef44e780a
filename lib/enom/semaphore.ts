import "server-only";

/** Why a slot was not granted; nothing was sent either way. */
export class AcquireError extends Error {
  override readonly name = "AcquireError";
  constructor(readonly reason: "queue-timeout" | "aborted") {
    super(reason === "aborted" ? "gave up waiting for a free slot" : "no free slot in time");
  }
}

/**
 * A cap on concurrent eNom calls. eNom is one shared upstream with its own limits; a burst in the
 * panel (a CSV import, a busy morning) queues here instead of piling onto eNom. Waiters are
 * served first come, first served, and give up after `timeoutMs` without ever being sent.
 */
export class Semaphore {
  #active = 0;
  readonly #waiters: Array<{ grant: () => void }> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiters.length;
  }

  /** Resolves with a release function; rejects with an AcquireError. */
  acquire(timeoutMs: number, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new AcquireError("aborted"));
    if (this.#active < this.limit) {
      this.#active += 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          cleanup();
          resolve(this.#releaser());
        },
      };
      const leave = (reason: AcquireError["reason"]) => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        cleanup();
        reject(new AcquireError(reason));
      };
      const onAbort = () => leave("aborted");
      const timer = setTimeout(() => leave("queue-timeout"), timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next)
        next.grant(); // the slot passes straight to the next waiter
      else this.#active -= 1;
    };
  }
}
