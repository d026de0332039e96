import Resolver from '@forge/resolver';

const exec = (pattern, text) => new RegExp(pattern).exec(text);
const resolver = new Resolver();
resolver.define('match', async ({ payload }) => {
  const found = /ABC-(\d+)/.exec(payload.text);
  const parsed = JSON.parse(payload.json);
  const constant = new Function('return 1');
  return [found, parsed, exec('x', payload.text), constant()];
});
export const handler = resolver.getDefinitions();
