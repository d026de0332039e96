import api, { route } from '@forge/api';

export async function ensureCanEdit(accountId: string, issueKey: string): Promise<void> {
  const response = await api.asApp().requestJira(route`/rest/api/3/user/permission/search?permissions=EDIT_ISSUES&issueKey=${issueKey}&accountId=${accountId}`);
  const users: Array<{ accountId: string }> = await response.json();
  if (!users.some((u) => u.accountId === accountId)) {
    throw new Error('forbidden');
  }
}
