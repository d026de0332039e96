const api = require('@forge/api');
const { route } = require('@forge/api');

module.exports = {
  async fetchVotes(key) {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/votes`);  // expect: RMP-FORGE-001
    return res.json();
  },
};
