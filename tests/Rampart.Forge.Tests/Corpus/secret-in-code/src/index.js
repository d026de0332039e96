import Resolver from '@forge/resolver';
import jwt from 'jsonwebtoken';
import { fetch } from '@forge/api';

const SIGNING_KEY = 'kq8-Vx31-pLm9-Zt04';
const clientSecret = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";  // expect: RMP-FORGE-003

const resolver = new Resolver();
resolver.define('token', async ({ context }) => {
  const token = jwt.sign({ sub: context.accountId }, SIGNING_KEY);  // expect: RMP-FORGE-003
  await fetch('https://api.example.com/v1/session', {
    method: 'POST',
    headers: { Authorization: 'Bearer 7fK2mQ9xLp4RtZ8vNc3W' },  // expect: RMP-FORGE-003
    body: JSON.stringify({ token, clientSecret }),
  });
});

export const handler = resolver.getDefinitions();
