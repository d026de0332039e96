#!/usr/bin/env python3
"""Writes the Forge test corpus (Corpus/<app>/...) and each app's expected.yaml.

A flaw is marked in the app text below with «NNN» at the end of its line (NNN = the RMP-FORGE number); the marker
is removed from the written file and recorded as an expected finding (check, file, line). An app with no marker
is a look-alike: the scan must report nothing for it. Run from tests/Rampart.Forge.Tests: python3 eng/make-corpus.py
"""
import os, re, shutil

APP_ID = "ari:cloud:ecosystem::app/0d1e2f30-{:04d}-4000-8000-000000000000"
apps = {}

def manifest(modules, functions, scopes=(), runtime="nodejs22.x", extra=""):
    lines = ["app:", f"  id: {{app_id}}", "  runtime:", f"    name: {runtime}", "permissions:"]
    lines.append("  scopes: []" if not scopes else "  scopes:\n" + "\n".join(f"    - {s}" for s in scopes))
    lines.append(extra.rstrip("\n")) if extra else None
    lines.append("modules:")
    lines.append(modules.rstrip("\n"))
    lines.append("  function:")
    for key, handler in functions:
        lines.append(f"    - key: {key}\n      handler: {handler}")
    return "\n".join(l for l in lines if l is not None) + "\n"

PANEL = """  jira:issuePanel:
    - key: panel
      resource: main
      resolver:
        function: resolver
      title: Panel
"""
RESOURCES = "resources:\n  - key: main\n    path: static/build\n"

def app(name, files):
    apps[name] = files

# ---- RMP-FORGE-001 authorization bypass -------------------------------------------------------------------------
app("authz-bypass-resolver", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();

resolver.define('getIssue', async ({ payload }) => {
  const response = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueKey}`);«001»
  return response.json();
});

export const handler = resolver.getDefinitions();
""",
})
app("authz-permission-check", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();

resolver.define('getIssue', async ({ payload, context }) => {
  const check = await api.asApp().requestJira(route`/rest/api/3/permissions/check`, {
    method: 'POST',
    body: JSON.stringify({ accountId: context.accountId, projectPermissions: [{ issues: [payload.issueId], permissions: ['BROWSE_PROJECTS'] }] }),
  });
  const { projectPermissions } = await check.json();
  if (!projectPermissions[0].issues.includes(payload.issueId)) {
    return { error: 'forbidden' };
  }
  const response = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueId}`);
  return response.json();
});

export const handler = resolver.getDefinitions();
""",
})
app("authz-authorize-api", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { authorize, route } from '@forge/api';

const resolver = new Resolver();

resolver.define('editIssue', async ({ payload }) => {
  if (!(await authorize().onJiraIssue(payload.issueId).canEdit())) {
    throw new Error('forbidden');
  }
  await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueId}`, { method: 'PUT', body: JSON.stringify(payload.fields) });
});

export const handler = resolver.getDefinitions();
""",
})
app("authz-as-user", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """const Resolver = require('@forge/resolver').default;
const api = require('@forge/api').default;
const { route } = require('@forge/api');

const resolver = new Resolver();
resolver.define('getIssue', async (req) => {
  const response = await api.asUser().requestJira(route`/rest/api/3/issue/${req.payload.issueKey}`);
  return response.json();
});

module.exports = { handler: resolver.getDefinitions() };
""",
})
# TypeScript, three modules: the flaw is in a service module reached through a re-export and a class method.
app("authz-cross-module-ts", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.ts": """export { handler } from './resolvers';
""",
    "src/resolvers/index.ts": """import Resolver from '@forge/resolver';
import { IssueService } from '../services/issues';
import type { UpdateRequest } from '../types';

const resolver = new Resolver();
const service = new IssueService();

resolver.define('updateSummary', async ({ payload }: { payload: UpdateRequest }): Promise<void> => {
  await service.updateSummary(payload.issueKey, payload.summary);
});

export const handler = resolver.getDefinitions();
""",
    "src/services/issues.ts": """import { asApp, route } from '@forge/api';

interface Fields {
  summary: string;
}

export class IssueService {
  private readonly base: string = '/rest/api/3/issue';

  async updateSummary(issueKey: string, summary: string): Promise<void> {
    const fields: Fields = { summary };
    await asApp().requestJira(route`/rest/api/3/issue/${issueKey}`, {«001»
      method: 'PUT',
      body: JSON.stringify({ fields } as { fields: Fields }),
    });
  }
}
""",
    "src/types.ts": """export type UpdateRequest = { issueKey: string; summary: string };
""",
})
app("authz-cross-module-checked-ts", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.ts": """import Resolver from '@forge/resolver';
import { ensureCanEdit } from './permissions';
import * as issues from './issues';

const resolver = new Resolver();

resolver.define('updateSummary', async (req: { payload: { issueKey: string; summary: string }; context: { accountId: string } }) => {
  await ensureCanEdit(req.context.accountId, req.payload.issueKey);
  await issues.updateSummary(req.payload.issueKey, req.payload.summary);
});

export const handler = resolver.getDefinitions();
""",
    "src/permissions.ts": """import api, { route } from '@forge/api';

export async function ensureCanEdit(accountId: string, issueKey: string): Promise<void> {
  const response = await api.asApp().requestJira(route`/rest/api/3/user/permission/search?permissions=EDIT_ISSUES&issueKey=${issueKey}&accountId=${accountId}`);
  const users: Array<{ accountId: string }> = await response.json();
  if (!users.some((u) => u.accountId === accountId)) {
    throw new Error('forbidden');
  }
}
""",
    "src/issues.ts": """import api, { route } from '@forge/api';

export const updateSummary = async (issueKey: string, summary: string): Promise<void> => {
  await api.asApp().requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: JSON.stringify({ fields: { summary } }) });
};
""",
})
# ---- TSX and JSX: positions after JSX and type syntax must be the original ones ------------------------------------
app("tsx-and-jsx", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra=RESOURCES),
    "src/index.tsx": """import Resolver from '@forge/resolver';
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
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.issueKey}`);«001»
  return (await res.json()) as unknown;
});

export const handler = resolver.getDefinitions();
""",
    "static/app/src/App.jsx": """import React, { useEffect } from 'react';
import { invoke } from '@forge/bridge';

export default function App() {
  useEffect(() => {
    invoke('load', { issueKey: 'ABC-1' });
  }, []);
  return (
    <section>
      <h1>Issue</h1>
      <Widget config={{ clientSecret: "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d" }} />«003»
    </section>
  );
}
""",
})
# ---- RMP-FORGE-002 web triggers ----------------------------------------------------------------------------------
WEBTRIGGER = """  webtrigger:
    - key: hook
      function: hook
"""
app("webtrigger-unauthenticated", {
    "manifest.yml": manifest(WEBTRIGGER, [("hook", "index.run")]),
    "src/index.js": """import api, { route, storage } from '@forge/api';

export async function run(request) {
  const body = JSON.parse(request.body);
  await storage.set(`last-${body.id}`, body.status);«002»
  await api.asApp().requestJira(route`/rest/api/3/issue/${body.id}/comment`, { method: 'POST', body: JSON.stringify({ body: body.text }) });«002»
  return { statusCode: 204, headers: {}, body: '' };
}
""",
})
# FSRT counts any process.env read as authentication; reading configuration is not authenticating the caller.
app("webtrigger-env-read-no-compare", {
    "manifest.yml": manifest(WEBTRIGGER, [("hook", "handlers/hook.handle")]),
    "src/handlers/hook.js": """const { update } = require('../lib/jira');

exports.handle = async (event) => {
  const project = process.env.TARGET_PROJECT;
  await update(project, JSON.parse(event.body));
  return { statusCode: 200, body: '{}' };
};
""",
    "src/lib/jira.js": """const api = require('@forge/api');
const { route } = require('@forge/api');

async function update(project, data) {
  return api.asApp().requestJira(route`/rest/api/3/project/${project}/properties/last`, { method: 'PUT', body: JSON.stringify(data) });«002»
}

module.exports = { update };
""",
})
app("webtrigger-authenticated", {
    "manifest.yml": manifest(WEBTRIGGER, [("hook", "index.run")]),
    "src/index.js": """import api, { route, storage } from '@forge/api';
import { timingSafeEqual } from 'crypto';

function authenticated(request) {
  const given = Buffer.from(request.headers['x-hook-token']?.[0] ?? '');
  const expected = Buffer.from(process.env.HOOK_TOKEN ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function run(request) {
  if (!authenticated(request)) {
    return { statusCode: 401, headers: {}, body: '' };
  }
  const body = JSON.parse(request.body);
  await storage.set(`last-${body.id}`, body.status);
  await api.asApp().requestJira(route`/rest/api/3/issue/${body.id}/comment`, { method: 'POST', body: JSON.stringify({ body: body.text }) });
  return { statusCode: 204, headers: {}, body: '' };
}
""",
})
app("webtrigger-token-compare", {
    "manifest.yml": manifest(WEBTRIGGER, [("hook", "index.run")]),
    "src/index.js": """import { storage } from '@forge/api';

export const run = async (request) => {
  const token = request.headers.authorization?.[0];
  const secret = await storage.getSecret('hook-token');
  if (!token || token !== `Bearer ${secret}`) {
    return { statusCode: 401 };
  }
  await storage.set('last', request.body);
  return { statusCode: 204 };
};
""",
})
# ---- App events: asApp() in a trigger is not user-invoked --------------------------------------------------------
app("trigger-as-app", {
    "manifest.yml": manifest("""  trigger:
    - key: on-created
      function: created
      events:
        - avi:jira:created:issue
  scheduledTrigger:
    - key: nightly
      function: nightly
      interval: day
""", [("created", "events.onCreated"), ("nightly", "events.nightly")], scopes=["read:jira-work", "write:jira-work"]),
    "src/events.js": """import api, { route } from '@forge/api';

export async function onCreated(event) {
  await api.asApp().requestJira(route`/rest/api/3/issue/${event.issue.id}/comment`, { method: 'POST', body: '{}' });
}

export async function nightly() {
  await api.asApp().requestJira(route`/rest/api/3/search/jql?jql=updated%3E-1d`);
}
""",
})
# ---- RMP-FORGE-003 secrets ----------------------------------------------------------------------------------------
app("secret-in-code", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import jwt from 'jsonwebtoken';
import { fetch } from '@forge/api';

const SIGNING_KEY = 'kq8-Vx31-pLm9-Zt04';
const clientSecret = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";«003»

const resolver = new Resolver();
resolver.define('token', async ({ context }) => {
  const token = jwt.sign({ sub: context.accountId }, SIGNING_KEY);«003»
  await fetch('https://api.example.com/v1/session', {
    method: 'POST',
    headers: { Authorization: 'Bearer 7fK2mQ9xLp4RtZ8vNc3W' },«003»
    body: JSON.stringify({ token, clientSecret }),
  });
});

export const handler = resolver.getDefinitions();
""",
})
app("secret-from-env", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import jwt from 'jsonwebtoken';
import { fetch, storage } from '@forge/api';

const clientSecret = process.env.CLIENT_SECRET;
const csrfToken = 'sTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr';

const resolver = new Resolver();
resolver.define('token', async ({ context }) => {
  const token = jwt.sign({ sub: context.accountId }, process.env.SIGNING_KEY);
  const apiKey = await storage.getSecret('api-key');
  await fetch('https://api.example.com/v1/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ token, clientSecret, csrfToken }),
  });
});

export const handler = resolver.getDefinitions();
""",
})
PROVIDER = """providers:
  auth:
    - key: github
      name: GitHub
      scopes: [repo]
      type: oauth2
      clientId: Iv1.0123456789abcdef
      remotes: [github-api]
      bearerMethod: authorization-header
      actions:
        authorization:
          remote: github-login
          path: /login/oauth/authorize
        exchange:
          remote: github-login
          path: /login/oauth/access_token
          overrides:
            body:
              client_secret: {secret}
        retrieveProfile:
          remote: github-api
          path: /user
          resolvers:
            id: id
            displayName: login
remotes:
  - key: github-login
    baseUrl: https://github.com
  - key: github-api
    baseUrl: https://api.github.com
"""
app("oauth-provider-secret", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]).replace("modules:", PROVIDER.replace("{secret}", "9b1d0c6e4f2a83d57e1c0b9a«003»") + "modules:"),
    "src/index.js": "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('ping', () => 'pong');\nexport const handler = resolver.getDefinitions();\n",
})
app("oauth-provider-template", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]).replace("modules:", PROVIDER.replace("{secret}", "'{{client_secret}}'") + "modules:"),
    "src/index.js": "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('ping', () => 'pong');\nexport const handler = resolver.getDefinitions();\n",
})
# ---- RMP-FORGE-004 Atlassian credentials --------------------------------------------------------------------------
app("api-token-basic-auth", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://*.atlassian.net«006»\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { fetch, route, storage } from '@forge/api';

const resolver = new Resolver();

resolver.define('copy', async ({ payload, context }) => {
  const { email, apiToken } = await storage.getSecret(`creds-${context.accountId}`);
  const auth = Buffer.from(`${email}:${apiToken}`).toString('base64');
  const res = await fetch(`https://${payload.site}.atlassian.net/rest/api/3/issue/${payload.key}`, {«010»
    headers: { Authorization: `Basic ${auth}`, Accept: 'application/json' },«004»
  });
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}/comment`, {
    method: 'POST',
    headers: { authorization: 'Bearer ' + payload.adminToken },«004»
    body: JSON.stringify(await res.json()),
  });
});

export const handler = resolver.getDefinitions();
""",
})
app("basic-auth-third-party", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';

const resolver = new Resolver();

resolver.define('sync', async ({ payload }) => {
  const auth = Buffer.from(`${process.env.PARTNER_USER}:${process.env.PARTNER_PASSWORD}`).toString('base64');
  await fetch(`https://api.example.com/v2/items/${encodeURIComponent(payload.id)}`, {
    headers: { Authorization: `Basic ${auth}` },
  });
});

export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-005 scopes ------------------------------------------------------------------------------------------
app("scopes-unused", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")],
        scopes=["read:jira-work", "write:jira-work«005»", "manage:jira-configuration«005»", "read:confluence-space.summary«005»", "storage:app"]),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();
resolver.define('get', async ({ payload }) => (await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`)).json());
export const handler = resolver.getDefinitions();
""",
})
app("scopes-exact", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], scopes=["read:jira-work", "write:jira-work", "storage:app", "read:confluence-space.summary"]),
    "src/index.js": """import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';

const resolver = new Resolver();
resolver.define('get', async ({ payload }) => (await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`)).json());
resolver.define('set', async ({ payload }) => {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.key}`, { method: 'PUT', body: JSON.stringify(payload.fields) });
});
resolver.define('spaces', async () => (await api.asUser().requestConfluence(route`/wiki/rest/api/space?limit=10`)).json());
export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-006 egress and RMP-FORGE-007 CSP ---------------------------------------------------------------------
app("egress-and-csp-unsafe", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="""  external:
    fetch:
      backend:
        - '*'«006»
        - address: http://api.plain.example.com«006»
      client:
        - '*.cdn.example.com'«006»
  content:
    scripts:
      - 'unsafe-inline'«007»
      - 'unsafe-eval'«007»
    styles:
      - 'unsafe-inline'«007»
"""),
    "src/index.js": "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('ping', () => 'pong');\nexport const handler = resolver.getDefinitions();\n",
})
app("egress-and-csp-safe", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="""  external:
    fetch:
      backend:
        - https://api.example.com
        - address: https://files.example.com
  content:
    styles:
      - 'unsafe-hashes'
"""),
    "src/index.js": "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('ping', () => 'pong');\nexport const handler = resolver.getDefinitions();\n",
})
# ---- RMP-FORGE-008 child processes and eval ------------------------------------------------------------------------
app("code-execution", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """import Resolver from '@forge/resolver';
import { execSync } from 'child_process';
const vm = require('vm');

const resolver = new Resolver();
resolver.define('run', async ({ payload }) => {
  const out = execSync(`git log ${payload.ref}`);«008»
  const value = eval(payload.expression);«008»
  const fn = new Function('x', payload.body);«008»
  return vm.runInNewContext(payload.script, {}) + out + value + fn(1);«008»
});
export const handler = resolver.getDefinitions();
""",
})
app("code-execution-look-alikes", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.js": """import Resolver from '@forge/resolver';

const exec = (pattern, text) => new RegExp(pattern).exec(text);
const resolver = new Resolver();
resolver.define('match', async ({ payload }) => {
  const found = /ABC-(\\d+)/.exec(payload.text);
  const parsed = JSON.parse(payload.json);
  const constant = new Function('return 1');
  return [found, parsed, exec('x', payload.text), constant()];
});
export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-009 Forge SQL --------------------------------------------------------------------------------------
app("forge-sql-string", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.ts": """import Resolver from '@forge/resolver';
import { sql } from '@forge/sql';

const resolver = new Resolver();
resolver.define('find', async ({ payload }: { payload: { name: string; table: string } }) => {
  const rows = await sql.executeRaw(`SELECT * FROM items WHERE name = '${payload.name}'`);«009»
  const query = 'DELETE FROM ' + payload.table;
  await sql.prepare(query).execute();«009»
  return rows;
});
export const handler = resolver.getDefinitions();
""",
})
app("forge-sql-prepared", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
    "src/index.ts": """import Resolver from '@forge/resolver';
import { sql } from '@forge/sql';

const TABLE = 'items';
const resolver = new Resolver();
resolver.define('find', async ({ payload }: { payload: { name: string } }) => {
  const rows = await sql.prepare<{ id: number }>(`SELECT id FROM ${TABLE} WHERE name = ?`).bindParams(payload.name).execute();
  await sql.executeRaw('SELECT 1');
  return rows;
});
export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-010 SSRF -------------------------------------------------------------------------------------------
app("ssrf", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';
import { download } from './download';

const resolver = new Resolver();
resolver.define('preview', async (req) => {
  const target = req.payload.url;
  const page = await fetch(target);«010»
  return download(req.payload.host, page.status);
});
export const handler = resolver.getDefinitions();
""",
    "src/download.js": """import { fetch } from '@forge/api';

export async function download(host, status) {
  const response = await fetch('https://' + host + '/export?status=' + status);«010»
  return response.text();
}
""",
})
app("ssrf-fixed-origin", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';

const BASE = 'https://api.example.com/';
const resolver = new Resolver();
resolver.define('preview', async ({ payload, context }) => {
  await fetch(`https://api.example.com/items/${encodeURIComponent(payload.id)}`);
  await fetch(BASE + payload.path);
  await fetch(`https://${context.siteUrl}/status`);
  return fetch('https://api.example.com/health');
});
export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-011 runtime ----------------------------------------------------------------------------------------
app("eol-runtime", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], runtime="nodejs18.x«011»"),
    "src/index.js": "import Resolver from '@forge/resolver';\nconst resolver = new Resolver();\nresolver.define('ping', () => 'pong');\nexport const handler = resolver.getDefinitions();\n",
})
# ---- RMP-FORGE-012 personal data ----------------------------------------------------------------------------------
app("personal-data-unreported", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], scopes=["storage:app"], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';

const resolver = new Resolver();
resolver.define('remember', async ({ payload, context }) => {
  const profile = { accountId: context.accountId, displayName: payload.displayName };
  await kvs.set(`profile-${context.accountId}`, profile);«012»
  await kvs.set('counter', payload.count);
});
export const handler = resolver.getDefinitions();
""",
})
app("personal-data-reported", {
    "manifest.yml": manifest(PANEL, [("resolver", "index.handler")], scopes=["storage:app", "report:personal-data"], extra="  external:\n    fetch:\n      backend:\n        - https://api.example.com\n"),
    "src/index.js": """import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';

const resolver = new Resolver();
resolver.define('remember', async ({ payload, context }) => {
  const profile = { accountId: context.accountId, displayName: payload.displayName };
  await kvs.set(`profile-${context.accountId}`, profile);
});
export const handler = resolver.getDefinitions();
""",
})
# ---- RMP-FORGE-013 Rovo actionVerb -----------------------------------------------------------------------------------
ROVO = """  rovo:agent:
    - key: helper
      name: Helper
      prompt: Help with issues
      actions:
        - summarise
        - comment
  action:
    - key: summarise
      name: Summarise issue
      function: summarise
      actionVerb: GET
      description: Reads an issue
    - key: comment
      name: Comment on issue
      function: comment
      actionVerb: {verb}
      description: Comments on an issue
"""
app("rovo-get-writes", {
    "manifest.yml": manifest(ROVO.replace("{verb}", "GET"), [("summarise", "actions.summarise"), ("comment", "actions.comment")]),
    "src/actions.js": """import api, { route } from '@forge/api';

export async function summarise(payload) {
  const res = await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}?fields=summary`);
  return res.json();
}

export async function comment(payload) {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}/comment`, {«013»
    method: 'POST',
    body: JSON.stringify({ body: payload.text }),
  });
}
""",
})
app("rovo-verbs-truthful", {
    "manifest.yml": manifest(ROVO.replace("{verb}", "CREATE"), [("summarise", "actions.summarise"), ("comment", "actions.comment")]),
    "src/actions.js": """import api, { route } from '@forge/api';

export async function summarise(payload) {
  const found = await api.asUser().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify({ jql: `key = ${payload.issueKey}` }) });
  return found.json();
}

export async function comment(payload) {
  await api.asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}/comment`, { method: 'POST', body: JSON.stringify({ body: payload.text }) });
}
""",
})

# ---- RMP-FORGE-001 through the call shapes the walk resolves ---------------------------------------------------------
# A callback passed by name to a library call, a namespace import, a method reached through `new Class()` and
# `this.method()`, and a CommonJS require of an object of methods: the flaw is one or two hops away in each case.
INDIRECT_INDEX = """import Resolver from '@forge/resolver';
import * as helpers from './helpers';
import { IssueService } from './service';
{check_import}
const legacy = require('./legacy');
const { readIssue } = helpers;
const resolver = new Resolver();
{check_function}
resolver.define('viaCallback', async ({ payload }) => {
  {check}return Promise.all([payload.issueKey].map(readIssue));
});
resolver.define('viaNamespace', async ({ payload }) => {
  {check}return helpers.readComments(payload.issueKey);
});
resolver.define('viaInstance', async ({ payload }) => {
  {check}const service = new IssueService();
  return service.load(payload.issueKey);
});
resolver.define('viaRequire', async ({ payload }) => {
  {check}return legacy.fetchVotes(payload.issueKey);
});

export const handler = resolver.getDefinitions();
"""
INDIRECT_HELPERS = """import api, { route } from '@forge/api';

export async function readIssue(key) {
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}`);{flaw}
  return res.json();
}

export async function readComments(key) {
  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment`);{flaw}
  return res.json();
}
"""
INDIRECT_SERVICE = """import api, { route } from '@forge/api';

export class IssueService {
  async load(key) {
    return this.fetchWatchers(key);
  }

  async fetchWatchers(key) {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/watchers`);{flaw}
    return res.json();
  }
}
"""
INDIRECT_LEGACY = """const api = require('@forge/api');
const { route } = require('@forge/api');

module.exports = {
  async fetchVotes(key) {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}/votes`);{flaw}
    return res.json();
  },
};
"""

def indirect(checked):
    flaw = "" if checked else "«001»"
    return {
        "manifest.yml": manifest(PANEL, [("resolver", "index.handler")]),
        "src/index.js": INDIRECT_INDEX
            .replace("{check_import}", "import { authorize } from '@forge/api';\n" if checked else "")
            .replace("{check_function}", """
async function ensureCanView(key) {
  if (!(await authorize().onJiraIssue(key).canView())) {
    throw new Error('forbidden');
  }
}
""" if checked else "")
            .replace("{check}", "await ensureCanView(payload.issueKey);\n  " if checked else ""),
        "src/helpers.js": INDIRECT_HELPERS.replace("{flaw}", flaw),
        "src/service.js": INDIRECT_SERVICE.replace("{flaw}", flaw),
        "src/legacy.js": INDIRECT_LEGACY.replace("{flaw}", flaw),
    }

app("authz-indirect-calls", indirect(checked=False))
app("authz-indirect-calls-checked", indirect(checked=True))

# ---------------------------------------------------------------------------------------------------------------------
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Corpus")
shutil.rmtree(root, ignore_errors=True)
marker = re.compile(r"«(\d{3})»")
for index, (name, files) in enumerate(sorted(apps.items()), start=1):
    expected = []
    for path, text in files.items():
        text = text.replace("{app_id}", APP_ID.format(index))
        out_lines = []
        for number, line in enumerate(text.split("\n"), start=1):
            for m in marker.finditer(line):
                expected.append((f"RMP-FORGE-{m.group(1)}", path, number))
            out_lines.append(marker.sub("", line))
        full = os.path.join(root, name, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write("\n".join(out_lines))
    with open(os.path.join(root, name, "expected.yaml"), "w") as f:
        f.write("# Findings the scan must report for this app (check, file:line); any other finding is a false positive.\n")
        f.write("# Written by eng/make-corpus.py from the app text.\n")
        if not expected:
            f.write("findings: []  # a look-alike: nothing may be reported\n")
        else:
            f.write("findings:\n")
            for check, path, line in sorted(expected, key=lambda e: (e[1], e[2], e[0])):
                f.write(f"  - {{ check: {check}, at: '{path}:{line}' }}\n")
print(f"{len(apps)} apps")
