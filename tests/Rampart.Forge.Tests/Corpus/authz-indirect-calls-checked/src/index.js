import Resolver from '@forge/resolver';
import * as helpers from './helpers';
import { IssueService } from './service';
import { authorize } from '@forge/api';

const legacy = require('./legacy');
const { readIssue } = helpers;
const resolver = new Resolver();

async function ensureCanView(key) {
  if (!(await authorize().onJiraIssue(key).canView())) {
    throw new Error('forbidden');
  }
}

resolver.define('viaCallback', async ({ payload }) => {
  await ensureCanView(payload.issueKey);
  return Promise.all([payload.issueKey].map(readIssue));
});
resolver.define('viaNamespace', async ({ payload }) => {
  await ensureCanView(payload.issueKey);
  return helpers.readComments(payload.issueKey);
});
resolver.define('viaInstance', async ({ payload }) => {
  await ensureCanView(payload.issueKey);
  const service = new IssueService();
  return service.load(payload.issueKey);
});
resolver.define('viaRequire', async ({ payload }) => {
  await ensureCanView(payload.issueKey);
  return legacy.fetchVotes(payload.issueKey);
});

export const handler = resolver.getDefinitions();
