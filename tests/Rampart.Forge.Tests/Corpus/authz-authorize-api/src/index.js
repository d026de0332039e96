import Resolver from '@forge/resolver';
import api, { authorize, route } from '@forge/api';

const resolver = new Resolver();

resolver.define('editIssue', async ({ payload }) => {
  if (!(await authorize().onJiraIssue(payload.issueId).canEdit())) {
    throw new Error('forbidden');
  }
  await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueId}`, { method: 'PUT', body: JSON.stringify(payload.fields) });
});

export const handler = resolver.getDefinitions();
