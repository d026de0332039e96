#!/usr/bin/env bash
# Installs the system packages the test suite uses (Node.js for the report tests and the OpenAPI linter, curl and jq for the README's server example, dnsmasq for the DNS tests, PostgreSQL for the tracking tests). Idempotent; needs root (as on CI and the dev machines).
set -euo pipefail
need=()
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# The DNS tests start a real dnsmasq; dnsmasq-base is the binary without the system service (no daemon on port 53).
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || need+=(dnsmasq-base)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The README's 'rampart serve' worked example is run by a test (ReadmeExampleTests); it uses curl and jq.
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v jq >/dev/null 2>&1 || need+=(jq)
# The TLS prober is compared against testssl.sh; the comparison must not skip on CI.
{ command -v testssl >/dev/null 2>&1 || command -v testssl.sh >/dev/null 2>&1; } || need+=(testssl.sh)
# The tracking tests start a throwaway PostgreSQL cluster (initdb + pg_ctl) on loopback; they fail, never skip, without it.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
# Redocly's OpenAPI linter, pinned by eng/openapi-lint/package-lock.json, for the test that lints /openapi/v1.json.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x "$root/eng/openapi-lint/node_modules/.bin/redocly" ] || npm ci --prefix "$root/eng/openapi-lint" --no-audit --no-fund
