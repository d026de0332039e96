import { fetch } from '@forge/api';

export async function download(host, status) {
  const response = await fetch('https://' + host + '/export?status=' + status);
  return response.text();
}
