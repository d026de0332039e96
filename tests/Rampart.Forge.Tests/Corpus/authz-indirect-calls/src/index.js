import Resolver from '@forge/resolver';
import * as helpers from './helpers';
import { IssueService } from './service';

const legacy = require('./legacy');
const { readIssue } = helpers;
const resolver = new Resolver();

resolver.define('viaCallback', async ({ payload }) => {
  return Promise.all([payload.issueKey].map(readIssue));
});
resolver.define('viaNamespace', async ({ payload }) => {
  return helpers.readComments(payload.issueKey);
});
resolver.define('viaInstance', async ({ payload }) => {
  const service = new IssueService();
  return service.load(payload.issueKey);
});
resolver.define('viaRequire', async ({ payload }) => {
  return legacy.fetchVotes(payload.issueKey);
});

export const handler = resolver.getDefinitions();
