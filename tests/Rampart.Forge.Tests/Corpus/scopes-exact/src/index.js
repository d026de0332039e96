import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();
resolver.define('get', async ({ payload }) => (await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`)).json());
resolver.define('set', async ({ payload }) => {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`, { method: 'PUT', body: JSON.stringify(payload.fields) });
});
resolver.define('spaces', async () => (await api.asUser().requestConfluence(route`/wiki/rest/api/space?limit=10`)).json());
export const handler = resolver.getDefinitions();
