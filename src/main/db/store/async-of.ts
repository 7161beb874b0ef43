// The asynchronous face of a repository: what every back end offers the services. The SQLite repositories keep
// their synchronous prepared statements (better-sqlite3 answers in microseconds and cannot span an await); the
// PostgreSQL ones answer over the network. Services see one type and await both.

/** A method's result as a promise; a row stream (a generator over a long table) as an async iterable. Not
 * distributed over a union (the brackets): `X | undefined` is one Promise<X | undefined>, as an async function
 * returns, not Promise<X> | Promise<undefined>, which no function of the PostgreSQL back end could be typed as. */
type AsyncResult<R> = [R] extends [IterableIterator<infer E>] ? AsyncIterable<E> : Promise<Awaited<R>>;

export type AsyncOf<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => AsyncResult<R> : never;
};

const isIterator = (value: unknown): value is IterableIterator<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { next?: unknown }).next === 'function' && Symbol.iterator in value;

/** A synchronous repository behind the asynchronous face: each call runs at once and its result is awaited. */
export function asyncOf<T extends object>(repository: T): AsyncOf<T> {
  const face: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    if (typeof member !== 'function') continue;
    face[name] = (...args: unknown[]) => {
      const result: unknown = (member as (...a: unknown[]) => unknown)(...args);
      if (isIterator(result)) {
        return (async function* () {
          yield* result;
        })();
      }
      return Promise.resolve(result);
    };
  }
  return face as AsyncOf<T>;
}

/** The same repositories, each method telling `onCall` its name ("patients.insert") before it runs: how the store
 * names what a slow transaction did, without the repositories knowing. */
export function traceCalls<T extends object>(repositories: T, onCall: (name: string) => void): T {
  const traced: Record<string, unknown> = {};
  for (const [repository, face] of Object.entries(repositories)) {
    // A repository the back end has not (the SQLite file's server logins) stays absent.
    if (face === null) {
      traced[repository] = null;
      continue;
    }
    const methods: Record<string, unknown> = {};
    for (const [method, member] of Object.entries(face as Record<string, unknown>)) {
      if (typeof member !== 'function') continue;
      const name = `${repository}.${method}`;
      methods[method] = (...args: unknown[]) => {
        onCall(name);
        return (member as (...a: unknown[]) => unknown)(...args);
      };
    }
    traced[repository] = methods;
  }
  return traced as T;
}
