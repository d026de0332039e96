import { fetch } from '@forge/api';

export async function download(host, status) {
  const response = await fetch('https://' + host + '/export?status=' + status);  // expect: RMP-FORGE-010
  return response.text();
}
