import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';

const resolver = new Resolver();

resolver.define('sync', async ({ payload }) => {
  const auth = Buffer.from(`${process.env.PARTNER_USER}:${process.env.PARTNER_PASSWORD}`).toString('base64');
  await fetch(`https://api.example.com/v2/items/${encodeURIComponent(payload.id)}`, {
    headers: { Authorization: `Basic ${auth}` },
  });
});

export const handler = resolver.getDefinitions();
