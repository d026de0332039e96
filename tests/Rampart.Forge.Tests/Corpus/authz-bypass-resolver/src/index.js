import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();

resolver.define('getIssue', async ({ payload }) => {
  const response = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueKey}`);  // expect: RMP-FORGE-001
  return response.json();
});

export const handler = resolver.getDefinitions();
