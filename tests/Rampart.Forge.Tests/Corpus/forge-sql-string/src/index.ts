import Resolver from '@forge/resolver';
import { sql } from '@forge/sql';

const resolver = new Resolver();
resolver.define('find', async ({ payload }: { payload: { name: string; table: string } }) => {
  const rows = await sql.executeRaw(`SELECT * FROM items WHERE name = '${payload.name}'`);  // expect: RMP-FORGE-009
  const query = 'DELETE FROM ' + payload.table;
  await sql.prepare(query).execute();  // expect: RMP-FORGE-009
  return rows;
});
export const handler = resolver.getDefinitions();
