import { asApp, route } from '@forge/api';

interface Fields {
  summary: string;
}

export class IssueService {
  private readonly base: string = '/rest/api/3/issue';

  async updateSummary(issueKey: string, summary: string): Promise<void> {
    const fields: Fields = { summary };
    await asApp().requestJira(route`/rest/api/3/issue/${issueKey}`, {  // expect: RMP-FORGE-001
      method: 'PUT',
      body: JSON.stringify({ fields } as { fields: Fields }),
    });
  }
}
