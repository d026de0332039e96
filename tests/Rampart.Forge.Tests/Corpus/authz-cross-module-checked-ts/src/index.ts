import Resolver from '@forge/resolver';
import { ensureCanEdit } from './permissions';
import * as issues from './issues';

const resolver = new Resolver();

resolver.define('updateSummary', async (req: { payload: { issueKey: string; summary: string }; context: { accountId: string } }) => {
  await ensureCanEdit(req.context.accountId, req.payload.issueKey);
  await issues.updateSummary(req.payload.issueKey, req.payload.summary);
});

export const handler = resolver.getDefinitions();
