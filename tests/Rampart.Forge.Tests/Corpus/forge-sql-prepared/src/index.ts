import Resolver from '@forge/resolver';
import { sql } from '@forge/sql';

const TABLE = 'items';
const resolver = new Resolver();
resolver.define('find', async ({ payload }: { payload: { name: string } }) => {
  const rows = await sql.prepare<{ id: number }>(`SELECT id FROM ${TABLE} WHERE name = ?`).bindParams(payload.name).execute();
  await sql.executeRaw('SELECT 1');
  return rows;
});
export const handler = resolver.getDefinitions();
