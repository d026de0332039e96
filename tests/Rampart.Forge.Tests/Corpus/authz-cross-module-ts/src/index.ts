export { handler } from './resolvers';
