import Resolver from '@forge/resolver';
import { IssueService } from '../services/issues';
import type { UpdateRequest } from '../types';

const resolver = new Resolver();
const service = new IssueService();

resolver.define('updateSummary', async ({ payload }: { payload: UpdateRequest }): Promise<void> => {
  await service.updateSummary(payload.issueKey, payload.summary);
});

export const handler = resolver.getDefinitions();
