import api, { route } from '@forge/api';

export async function onCreated(event) {
  await api.asApp().requestJira(route`/rest/api/3/issue/${event.issue.id}/comment`, { method: 'POST', body: '{}' });
}

export async function nightly() {
  await api.asApp().requestJira(route`/rest/api/3/search/jql?jql=updated%3E-1d`);
}
