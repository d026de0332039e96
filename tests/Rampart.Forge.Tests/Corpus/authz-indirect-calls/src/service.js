import api, { route } from '@forge/api';

export class IssueService {
  async load(key) {
    return this.fetchWatchers(key);
  }

  async fetchWatchers(key) {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/watchers`);  // expect: RMP-FORGE-001
    return res.json();
  }
}
