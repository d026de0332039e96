import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();

resolver.define('getIssue', async ({ payload, context }) => {
  const check = await api.asApp().requestJira(route`/rest/api/3/permissions/check`, {
    method: 'POST',
    body: JSON.stringify({ accountId: context.accountId, projectPermissions: [{ issues: [payload.issueId], permissions: ['BROWSE_PROJECTS'] }] }),
  });
  const { projectPermissions } = await check.json();
  if (!projectPermissions[0].issues.includes(payload.issueId)) {
    return { error: 'forbidden' };
  }
  const response = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueId}`);
  return response.json();
});

export const handler = resolver.getDefinitions();
