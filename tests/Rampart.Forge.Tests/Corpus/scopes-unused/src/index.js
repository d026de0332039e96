import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();
resolver.define('get', async ({ payload }) => (await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`)).json());
export const handler = resolver.getDefinitions();
