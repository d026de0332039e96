import api, { route } from '@forge/api';

export async function summarise(payload) {
  const res = await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}?fields=summary`);
  return res.json();
}

export async function comment(payload) {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}/comment`, {  // expect: RMP-FORGE-013
    method: 'POST',
    body: JSON.stringify({ body: payload.text }),
  });
}
