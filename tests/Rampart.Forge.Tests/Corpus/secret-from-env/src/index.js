import Resolver from '@forge/resolver';
import jwt from 'jsonwebtoken';
import { fetch, storage } from '@forge/api';

const clientSecret = process.env.CLIENT_SECRET;
const csrfToken = 'sTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr';

const resolver = new Resolver();
resolver.define('token', async ({ context }) => {
  const token = jwt.sign({ sub: context.accountId }, process.env.SIGNING_KEY);
  const apiKey = await storage.getSecret('api-key');
  await fetch('https://api.example.com/v1/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ token, clientSecret, csrfToken }),
  });
});

export const handler = resolver.getDefinitions();
