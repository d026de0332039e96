const api = require('@forge/api');
const { route } = require('@forge/api');

async function update(project, data) {
  return api.asApp().requestJira(route`/rest/api/3/project/${project}/properties/last`, { method: 'PUT', body: JSON.stringify(data) });  // expect: RMP-FORGE-002
}

module.exports = { update };
