#!/usr/bin/env bash
# Installs the external checkers used by the conformance suite into a cache folder, each from its own registry:
#   psa-eval   built here from conformance/psa-eval against k8s.io/pod-security-admission (Go module proxy)
#   yaml-oracle built here from conformance/yaml-oracle against k8s.io/cli-runtime (kubectl's manifest reader)
#   kube-score go install from the Go module proxy
#   checkov    pip install into a venv (PyPI)
# A tool already present in the cache is reused. Prints one status line per tool and writes
# $CACHE/tools.json (what is available, with versions, or why not). Exit 1 when any of them is unavailable,
# after naming it; conformance/run.ts then fails in CI and skips it (saying so) elsewhere.
# `install.sh --only yaml-oracle` builds the oracle alone (for `npx projen conformance:decoder`) and leaves
# tools.json as it is.
# Env: CONFORMANCE_CACHE (default <repo>/.conformance-cache).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${CONFORMANCE_CACHE:-$ROOT/.conformance-cache}"
mkdir -p "$CACHE/bin"
CACHE="$(cd "$CACHE" && pwd)"

PSA_VERSION="v0.37.2"        # k8s.io/pod-security-admission = Kubernetes 1.37.2 (see conformance/README.md)
ORACLE_VERSION="v0.37.2"     # k8s.io/cli-runtime, k8s.io/apimachinery, k8s.io/client-go = kubectl 1.37.2
KUBE_SCORE_VERSION="v1.20.0"
CHECKOV_VERSION="3.3.30"

export GOPATH="$CACHE/go" GOMODCACHE="$CACHE/go/pkg/mod" GOCACHE="$CACHE/go-build" GOBIN="$CACHE/bin"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local GOTELEMETRY=off

status() { printf '  %-10s %s\n' "$1" "$2"; }
declare -A AVAIL REASON VERSION

# yaml-oracle: rebuilt when its sources change (stamp = hash of go.mod, go.sum, *.go), as psa-eval is.
oracle_src="$ROOT/conformance/yaml-oracle"
oracle_stamp="$(cat "$oracle_src"/go.mod "$oracle_src"/go.sum "$oracle_src"/*.go | sha256sum | cut -c1-16)"
if [ -x "$CACHE/bin/yaml-oracle" ] && [ "$(cat "$CACHE/yaml-oracle.stamp" 2>/dev/null)" = "$oracle_stamp" ]; then
  status yaml-oracle "cached (k8s.io/cli-runtime@$ORACLE_VERSION)"
elif ! command -v go >/dev/null; then
  AVAIL[yaml-oracle]=false; REASON[yaml-oracle]="go is not installed"
else
  status yaml-oracle "building against k8s.io/cli-runtime@$ORACLE_VERSION ..."
  start=$SECONDS
  if (cd "$oracle_src" && CGO_ENABLED=0 go build -trimpath -o "$CACHE/bin/yaml-oracle" .) >"$CACHE/yaml-oracle.log" 2>&1; then
    echo "$oracle_stamp" >"$CACHE/yaml-oracle.stamp"
    status yaml-oracle "built in $((SECONDS - start))s"
  else
    AVAIL[yaml-oracle]=false; REASON[yaml-oracle]="go build failed: $(tail -3 "$CACHE/yaml-oracle.log" | tr '\n' ' ')"
  fi
fi
[ -x "$CACHE/bin/yaml-oracle" ] && [ -z "${REASON[yaml-oracle]:-}" ] && { AVAIL[yaml-oracle]=true; VERSION[yaml-oracle]="k8s.io/cli-runtime@$ORACLE_VERSION"; }
if [ "${1:-}" = "--only" ] && [ "${2:-}" = "yaml-oracle" ]; then
  if [ "${AVAIL[yaml-oracle]:-}" = true ]; then status yaml-oracle "ready (${VERSION[yaml-oracle]})"; exit 0; fi
  status yaml-oracle "UNAVAILABLE: ${REASON[yaml-oracle]:-unknown}"; exit 1
fi

# psa-eval: rebuilt when its sources change (stamp = hash of go.mod, go.sum, *.go).
psa_src="$ROOT/conformance/psa-eval"
stamp="$(cat "$psa_src"/go.mod "$psa_src"/go.sum "$psa_src"/*.go | sha256sum | cut -c1-16)"
if [ -x "$CACHE/bin/psa-eval" ] && [ "$(cat "$CACHE/psa-eval.stamp" 2>/dev/null)" = "$stamp" ]; then
  status psa-eval "cached ($PSA_VERSION)"
elif ! command -v go >/dev/null; then
  AVAIL[psa-eval]=false; REASON[psa-eval]="go is not installed"
else
  status psa-eval "building against k8s.io/pod-security-admission@$PSA_VERSION ..."
  if (cd "$psa_src" && go build -o "$CACHE/bin/psa-eval" .) >"$CACHE/psa-eval.log" 2>&1; then
    echo "$stamp" >"$CACHE/psa-eval.stamp"
  else
    AVAIL[psa-eval]=false; REASON[psa-eval]="go build failed: $(tail -3 "$CACHE/psa-eval.log" | tr '\n' ' ')"
  fi
fi
[ -x "$CACHE/bin/psa-eval" ] && [ -z "${REASON[psa-eval]:-}" ] && { AVAIL[psa-eval]=true; VERSION[psa-eval]="k8s.io/pod-security-admission@$PSA_VERSION"; }

# kube-score
if [ -x "$CACHE/bin/kube-score" ]; then
  status kube-score "cached"
elif ! command -v go >/dev/null; then
  REASON[kube-score]="go is not installed"
else
  status kube-score "go install github.com/zegl/kube-score/cmd/kube-score@$KUBE_SCORE_VERSION ..."
  go install "github.com/zegl/kube-score/cmd/kube-score@$KUBE_SCORE_VERSION" >"$CACHE/kube-score.log" 2>&1 \
    || REASON[kube-score]="go install failed: $(tail -3 "$CACHE/kube-score.log" | tr '\n' ' ')"
fi
[ -x "$CACHE/bin/kube-score" ] && { AVAIL[kube-score]=true; VERSION[kube-score]="$KUBE_SCORE_VERSION"; }

# checkov
if [ -x "$CACHE/venv/bin/checkov" ] && [ "$(cat "$CACHE/checkov.version" 2>/dev/null)" = "$CHECKOV_VERSION" ]; then
  status checkov "cached"
elif ! command -v python3 >/dev/null; then
  REASON[checkov]="python3 is not installed"
else
  status checkov "pip install checkov==$CHECKOV_VERSION ..."
  if { [ -x "$CACHE/venv/bin/pip" ] || python3 -m venv "$CACHE/venv"; } >"$CACHE/checkov.log" 2>&1 \
     && "$CACHE/venv/bin/pip" install --disable-pip-version-check -q "checkov==$CHECKOV_VERSION" >>"$CACHE/checkov.log" 2>&1; then
    echo "$CHECKOV_VERSION" >"$CACHE/checkov.version"
  else
    REASON[checkov]="pip install failed: $(tail -3 "$CACHE/checkov.log" | tr '\n' ' ')"
  fi
fi
[ -x "$CACHE/venv/bin/checkov" ] && [ -z "${REASON[checkov]:-}" ] && { AVAIL[checkov]=true; VERSION[checkov]="$CHECKOV_VERSION"; }

{
  echo "{"
  first=1
  for t in psa-eval yaml-oracle kube-score checkov; do
    [ $first -eq 1 ] || echo ","
    first=0
    if [ "${AVAIL[$t]:-}" = true ]; then
      path="$CACHE/bin/$t"; [ $t = checkov ] && path="$CACHE/venv/bin/checkov"
      printf '  "%s": { "available": true, "version": "%s", "path": "%s" }' "$t" "${VERSION[$t]}" "$path"
    else
      r="$(printf '%s' "${REASON[$t]:-unknown}" | tr '\t\r\n' '   ')"; r="${r//\\/\\\\}"; r="${r//\"/\\\"}"
      printf '  "%s": { "available": false, "reason": "%s" }' "$t" "$r"
    fi
  done
  echo; echo "}"
} >"$CACHE/tools.json"

for t in psa-eval yaml-oracle kube-score checkov; do
  if [ "${AVAIL[$t]:-}" = true ]; then status "$t" "ready (${VERSION[$t]})"; else status "$t" "UNAVAILABLE: ${REASON[$t]:-unknown}"; fi
done
missing=0
for t in psa-eval yaml-oracle kube-score checkov; do
  [ "${AVAIL[$t]:-}" = true ] || { echo "conformance/install.sh: $t is missing: ${REASON[$t]:-unknown}"; missing=1; }
done
exit $missing
