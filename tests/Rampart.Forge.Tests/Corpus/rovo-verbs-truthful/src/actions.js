import api, { route } from '@forge/api';

export async function summarise(payload) {
  const found = await api.asUser().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify({ jql: `key = ${payload.issueKey}` }) });
  return found.json();
}

export async function comment(payload) {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}/comment`, { method: 'POST', body: JSON.stringify({ body: payload.text }) });
}
