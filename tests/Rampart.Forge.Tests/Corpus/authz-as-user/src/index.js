const Resolver = require('@forge/resolver').default;
const api = require('@forge/api').default;
const { route } = require('@forge/api');

const resolver = new Resolver();
resolver.define('getIssue', async (req) => {
  const response = await api.asUser().requestJira(route`/rest/api/3/issue/${req.payload.issueKey}`);
  return response.json();
});

module.exports = { handler: resolver.getDefinitions() };
