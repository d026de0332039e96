import { storage } from '@forge/api';

export const run = async (request) => {
  const token = request.headers.authorization?.[0];
  const secret = await storage.getSecret('hook-token');
  if (!token || token !== `Bearer ${secret}`) {
    return { statusCode: 401 };
  }
  await storage.set('last', request.body);
  return { statusCode: 204 };
};
