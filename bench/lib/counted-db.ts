// A postgres.js Database like src/db/client.ts opens, with postgres.js's `debug` hook counting every
// statement sent (BEGIN/COMMIT included) and, when asked, keeping their texts.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';

export interface StatementCounter {
  count: number;
  /** Statement texts by count, while `record` is on. */
  texts: Map<string, number>;
  record: boolean;
  /** How many statement texts to keep after a reset (a sample: normalising every text would cost the bot CPU). */
  recordLimit: number;
  /** Called with every statement and its parameters (EXPLAIN of what the domain really sent). */
  onStatement?: (text: string, parameters: unknown[]) => void;
  reset(): void;
}

export function statementCounter(): StatementCounter {
  return {
    count: 0,
    texts: new Map(),
    record: false,
    recordLimit: 300,
    reset() {
      this.count = 0;
      this.texts.clear();
    },
  };
}

export function openCountedDatabase(url: string, counter: StatementCounter, max = 10): Database {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connection: { TimeZone: 'UTC' },
    debug: (_connection, query, parameters) => {
      counter.count++;
      counter.onStatement?.(query, parameters);
      if (counter.record && counter.count <= counter.recordLimit) {
        const text = query.replace(/\s+/g, ' ').trim().slice(0, 160);
        counter.texts.set(text, (counter.texts.get(text) ?? 0) + 1);
      }
    },
  });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
}
