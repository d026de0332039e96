import Resolver from '@forge/resolver';
const resolver = new Resolver();
resolver.define('ping', () => 'pong');
export const handler = resolver.getDefinitions();
