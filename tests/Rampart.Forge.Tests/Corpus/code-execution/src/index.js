import Resolver from '@forge/resolver';
import { execSync } from 'child_process';
const vm = require('vm');

const resolver = new Resolver();
resolver.define('run', async ({ payload }) => {
  const out = execSync(`git log ${payload.ref}`);  // expect: RMP-FORGE-008
  const value = eval(payload.expression);  // expect: RMP-FORGE-008
  const fn = new Function('x', payload.body);  // expect: RMP-FORGE-008
  return vm.runInNewContext(payload.script, {}) + out + value + fn(1);  // expect: RMP-FORGE-008
});
export const handler = resolver.getDefinitions();
