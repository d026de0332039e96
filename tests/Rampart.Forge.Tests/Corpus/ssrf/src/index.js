import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';
import { download } from './download';

const resolver = new Resolver();
resolver.define('preview', async (req) => {
  const target = req.payload.url;
  const page = await fetch(target);  // expect: RMP-FORGE-010
  return download(req.payload.host, page.status);
});
export const handler = resolver.getDefinitions();
