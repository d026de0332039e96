import api, { route } from '@forge/api';

export async function readIssue(key) {
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}`);  // expect: RMP-FORGE-001
  return res.json();
}

export async function readComments(key) {
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment`);  // expect: RMP-FORGE-001
  return res.json();
}
