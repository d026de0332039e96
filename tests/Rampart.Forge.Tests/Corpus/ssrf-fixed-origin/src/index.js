import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';

const BASE = 'https://api.example.com/';
const resolver = new Resolver();
resolver.define('preview', async ({ payload, context }) => {
  await fetch(`https://api.example.com/items/${encodeURIComponent(payload.id)}`);
  await fetch(BASE + payload.path);
  await fetch(`https://${context.siteUrl}/status`);
  return fetch('https://api.example.com/health');
});
export const handler = resolver.getDefinitions();
