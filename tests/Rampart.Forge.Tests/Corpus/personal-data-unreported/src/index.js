import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';

const resolver = new Resolver();
resolver.define('remember', async ({ payload, context }) => {
  const profile = { accountId: context.accountId, displayName: payload.displayName };
  await kvs.set(`profile-${context.accountId}`, profile);  // expect: RMP-FORGE-012
  await kvs.set('counter', payload.count);
});
export const handler = resolver.getDefinitions();
