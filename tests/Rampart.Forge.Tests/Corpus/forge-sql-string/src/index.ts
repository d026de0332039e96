import Resolver from '@forge/resolver';
import { sql } from '@forge/sql';

const resolver = new Resolver();
resolver.define('find', async ({ payload }: { payload: { name: string; table: string } }) => {
  const rows = await sql.executeRaw(`SELECT * FROM items WHERE name = '${payload.name}'`);
  const query = 'DELETE FROM ' + payload.table;
  await sql.prepare(query).execute();
  return rows;
});
export const handler = resolver.getDefinitions();
