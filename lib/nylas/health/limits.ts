/**
 * Pure timing helpers for the Nylas health check: one overall deadline shared by every call, so
 * the settings page never hangs on a slow Nylas, and a concurrency limit, so a large panel does
 * not fire dozens of API calls at once (Nylas's application-scoped limit is 50 requests/s).
 */

export class HealthTimeoutError extends Error {
  constructor(public readonly seconds: number) {
    super(`Nylas did not answer within ${seconds} s.`);
    this.name = "HealthTimeoutError";
  }
}

export type Deadline = {
  /** The limit in whole seconds, as shown in messages. */
  readonly seconds: number;
  readonly isExpired: boolean;
  /** Runs `work`, rejecting with HealthTimeoutError once the deadline passes (the work is abandoned). */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Clears the timer (call when done, so a CLI process can exit at once). */
  dispose(): void;
};

export function createDeadline(ms: number): Deadline {
  const seconds = Math.max(1, Math.round(ms / 1000));
  let isExpired = false;
  let expire: (error: Error) => void = () => {};
  const expired = new Promise<never>((_, reject) => {
    expire = reject;
  });
  // Nobody may be racing it when it fires: that is not an unhandled rejection.
  expired.catch(() => {});
  const timer = setTimeout(() => {
    isExpired = true;
    expire(new HealthTimeoutError(seconds));
  }, ms);
  timer.unref?.();
  return {
    seconds,
    get isExpired() {
      return isExpired;
    },
    run<T>(work: () => Promise<T>): Promise<T> {
      if (isExpired) return Promise.reject(new HealthTimeoutError(seconds));
      return Promise.race([work(), expired]);
    },
    dispose: () => clearTimeout(timer),
  };
}

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** At most `concurrency` tasks run at once; the rest wait in arrival order. */
export function createLimiter(concurrency: number): Limiter {
  const limit = Math.max(1, Math.floor(concurrency));
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        active++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(release);
      };
      if (active < limit) start();
      else waiting.push(start);
    });
}
