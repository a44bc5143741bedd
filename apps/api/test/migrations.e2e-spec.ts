import { Client } from 'pg';
import { runMigrations } from '@vufo/persistence';
import { MIGRATIONS } from '@vufo/persistence/migrations';
import { createTestDatabase } from '../../../test/support/test-app';

describe('migrations', () => {
  it('processes starting together on an empty database take turns: each migration runs once', async () => {
    const url = await createTestDatabase({ empty: true });
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query<{ name: string }>(`SELECT name FROM public.migrations ORDER BY id`);
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await c.end();
    }
  });
});
