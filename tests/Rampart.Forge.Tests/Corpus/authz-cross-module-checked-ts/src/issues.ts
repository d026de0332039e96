import api, { route } from '@forge/api';

export const updateSummary = async (issueKey: string, summary: string): Promise<void> => {
  await api.asApp().requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: JSON.stringify({ fields: { summary } }) });
};
