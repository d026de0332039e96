#!/usr/bin/env bash
# Scans the demo apps and the Forge corpus with two builds of the CLI and compares the JSON reports after removing
# what legitimately differs between runs (timestamps, the tool block, loopback ports, fingerprints that hash a port).
# Used to show that a refactoring changes no verdict, severity, title, remediation, evidence or location.
# Forge reports are compared whole. Live demo scans are compared on the requirement verdicts and on the set of distinct
# (check, requirement, severity, title, remediation, advisory) findings: two runs of the same build can differ in
# which responses the header checks saw under load (evidence and per-URL findings), so those are not comparable.
#   eng/compare-reports.sh BASE_CLI_DLL NEW_CLI_DLL CORPUS_DIR OUT_DIR
# Exit 0 when every report is identical after normalisation; prints the differing files otherwise.
set -euo pipefail
base=$1 new=$2 corpus=$3 out=$4
mkdir -p "$out/base" "$out/new"
for side in base new; do
  cli=${!side}
  dotnet "$cli" demo -q -f json -o "$out/$side/demo.json" >/dev/null 2>"$out/$side.log" \
    || dotnet "$cli" scan -q -f json -o "$out/$side/demo.json" >/dev/null 2>>"$out/$side.log" || true
  for app in "$corpus"/*/; do
    name=$(basename "$app")
    dotnet "$cli" scan "$app" -q -f json -o "$out/$side/forge.$name.json" >/dev/null 2>>"$out/$side.log" || true
  done
done
normalise() {
  local filter='del(.startedAt, .finishedAt, .tool)
    | walk(if type == "string" then gsub("127\\.0\\.0\\.1:[0-9]+"; "127.0.0.1:PORT") else . end)
    | walk(if type == "object" then del(.fingerprint) else . end)'
  case $(basename "$1") in
    demo.*) filter="$filter"' | {app, catalog, requirements: [.requirements[] | del(.reason)],
              findings: ([.findings[] | {checkId, requirementId, severity, title, remediation, advisory}] | unique)}' ;;
  esac
  jq -S "$filter" "$1"
}
status=0 count=0
for file in "$out"/base/*.json; do
  name=$(basename "$file")
  count=$((count + 1))
  if [[ ! -f "$out/new/$name" ]]; then echo "missing in new: $name"; status=1; continue; fi
  if ! diff -u <(normalise "$file") <(normalise "$out/new/$name") >"$out/$name.diff"; then
    echo "differs: $name ($out/$name.diff)"; status=1
  else
    rm -f "$out/$name.diff"
  fi
done
echo "$count reports compared"
exit $status
