import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rawRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createTestDatabase } from '../helpers/db.js';

const expectedTables = ['clients', 'subscribers', 'number_pool', 'tickets', 'jobs', 'audit_log', 'bulk_list_lines'];

describe('migrations', () => {
  it('build the whole schema on the PostgreSQL server', async () => {
    const database = await createTestDatabase();
    const rows = await rawRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((r) => r.table_name);
    for (const t of expectedTables) expect(names).toContain(t);
  });

  it('build the same schema on embedded PGlite, and are idempotent', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    await migrate(database);
    const rows = await rawRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((r) => r.table_name);
    for (const t of expectedTables) expect(names).toContain(t);
    await database.close();
  });
});
