import api, { route, storage } from '@forge/api';
import { timingSafeEqual } from 'crypto';

function authenticated(request) {
  const given = Buffer.from(request.headers['x-hook-token']?.[0] ?? '');
  const expected = Buffer.from(process.env.HOOK_TOKEN ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function run(request) {
  if (!authenticated(request)) {
    return { statusCode: 401, headers: {}, body: '' };
  }
  const body = JSON.parse(request.body);
  await storage.set(`last-${body.id}`, body.status);
  await api.asApp().requestJira(route`/rest/api/3/issue/${body.id}/comment`, { method: 'POST', body: JSON.stringify({ body: body.text }) });
  return { statusCode: 204, headers: {}, body: '' };
}
