import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';
import React from 'react';

type Props = { issueKey: string; onLoad?: (key: string) => void };

export const Summary = ({ issueKey, onLoad }: Props): JSX.Element => (
  <div className="summary" data-key={issueKey}>
    <span>{issueKey}</span>
    <button onClick={() => onLoad?.(issueKey)}>Load</button>
  </div>
);

const resolver = new Resolver();

resolver.define('load', async ({ payload }: { payload: Props }) => {
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueKey}`);  // expect: RMP-FORGE-001
  return (await res.json()) as unknown;
});

export const handler = resolver.getDefinitions();
