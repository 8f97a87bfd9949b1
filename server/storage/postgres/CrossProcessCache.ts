import type { PostgresDatabase, PostgresTransaction } from './PostgresDatabase.ts';

/** The NOTIFY channel on which repositories announce changes of cached tables; the payload names the cache. */
export const CACHE_CHANNEL = 'kreisform_repository_cache';

/** How long a loaded value is served without asking the database, also when a notification got lost. */
export const CACHE_MAX_AGE_MS = 500;

interface Hub {
  handlers: Map<string, Set<() => void>>;
  listening: boolean;
}

const hubs = new WeakMap<PostgresDatabase, Hub>();

/**
 * A process-local copy of a small, often-read table on PostgreSQL, where several server processes share the database.
 * A copy is served for at most CACHE_MAX_AGE_MS; a change committed by any process drops it at once in every process
 * (NOTIFY on CACHE_CHANNEL inside the writing transaction, one LISTEN connection per pool, started with the first
 * cache), and the writing process drops it itself after its commit. So a change is visible everywhere within half a
 * second even if a notification is lost (listener reconnecting), and at once in the writing process.
 */
export class CrossProcessCache<T> {
  private value: { data: T; loadedAt: number } | undefined;
  private generation = 0;
  private loading: { generation: number; promise: Promise<T> } | undefined;
  private readonly onNotify = () => this.invalidate();

  constructor(
    private readonly db: PostgresDatabase,
    private readonly name: string,
    private readonly load: () => Promise<T>,
  ) {
    subscribe(db, name, this.onNotify);
  }

  /** The cached value, loaded again when older than CACHE_MAX_AGE_MS or invalidated. */
  get(): Promise<T> {
    subscribe(this.db, this.name, this.onNotify);
    if (this.value && Date.now() - this.value.loadedAt < CACHE_MAX_AGE_MS) return Promise.resolve(this.value.data);
    // A load started before an invalidation may hold stale data: never join it, never keep its result.
    if (this.loading?.generation === this.generation) return this.loading.promise;
    const generation = this.generation;
    const startedAt = Date.now();
    const promise = this.load().then(
      (data) => {
        if (this.generation === generation) this.value = { data, loadedAt: startedAt };
        if (this.loading?.promise === promise) this.loading = undefined;
        return data;
      },
      (error: unknown) => {
        if (this.loading?.promise === promise) this.loading = undefined;
        throw error;
      },
    );
    this.loading = { generation, promise };
    return promise;
  }

  /** Drops the copy; the next get() reads the database. */
  invalidate(): void {
    this.generation++;
    this.value = undefined;
  }

  /** Announces a change to every process (call inside the writing transaction; delivered at its commit). */
  async notify(tx: PostgresTransaction): Promise<void> {
    await tx.get('SELECT pg_notify(?, ?)', [CACHE_CHANNEL, this.name]);
  }
}

function subscribe(db: PostgresDatabase, name: string, handler: () => void): void {
  let hub = hubs.get(db);
  if (!hub) {
    hub = { handlers: new Map(), listening: false };
    hubs.set(db, hub);
  }
  let handlers = hub.handlers.get(name);
  if (!handlers) {
    handlers = new Set();
    hub.handlers.set(name, handlers);
  }
  handlers.add(handler);
  if (hub.listening || db.isClosed) return;
  hub.listening = true;
  void listen(db, hub);
}

/**
 * One LISTEN connection per pool, on its own client so that it also ends when the pool is closed while it was still
 * connecting, and so that a lost connection is noticed: then every copy is dropped (a
 * notification may have been missed) and the next read connects again.
 */
async function listen(db: PostgresDatabase, hub: Hub): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: db.url });
  let timer: NodeJS.Timeout | undefined;
  const lost = () => {
    if (timer) clearInterval(timer);
    hub.listening = false;
    for (const handlers of hub.handlers.values()) for (const handler of handlers) handler();
    client.end().catch(() => undefined);
  };
  client.on('error', lost);
  client.on('notification', (message) => {
    if (message.channel !== CACHE_CHANNEL) return;
    for (const handler of hub.handlers.get(message.payload ?? '') ?? []) handler();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
  } catch {
    lost();
    return;
  }
  // PostgresDatabase has no close hook: end the listener soon after the pool closed (the timer itself keeps no process alive).
  timer = setInterval(() => {
    if (!db.isClosed) return;
    clearInterval(timer);
    client.removeListener('error', lost);
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
  }, 200);
  timer.unref();
  if (db.isClosed) await client.end().catch(() => undefined);
}
