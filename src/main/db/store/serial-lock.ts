// One transaction at a time on a connection. better-sqlite3 has one connection per file and its `transaction()`
// cannot span an await, so the SQLite store opens BEGIN IMMEDIATE / COMMIT itself and queues the callers: without
// the queue, a second caller's statements would land inside the first caller's open transaction. Hand-written
// because it is the ten lines of a promise chain; a mutex package would add a dependency for no more behaviour.
export interface SerialLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createSerialLock(): SerialLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const result = tail.then(work, work);
      // The next caller waits for this one to finish, whether it succeeded or failed.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
