#!/usr/bin/env bash
# Builds the Python wheel, the Java jar and the Go module of cdk8s-hardened with jsii-pacmak, installs each with the
# language's own tools beside cdk8s and cdk8s-plus-28 for that language, and runs the smoke test of each binding
# (test/bindings/{python,java,go}). Prints PASS or FAIL per language and closes with "N passed, N failed".
#
#   bash test/bindings/run.sh                # all three (npm run test:bindings)
#   bash test/bindings/run.sh python go      # some of them
#
# Caches (safe to delete; a second run reuses them): .bindings-cache/ holds the staging copy of the package, the pip
# cache and venv, the Maven repository, GOPATH/GOMODCACHE/GOCACHE and the build folders. Packages go to dist/<lang>/.
# Set BINDINGS_VERBOSE=1 to print every log, not only those of failing languages.
#
# Two dependencies are not served by the registries reachable here, so jsii-pacmak builds them from the npm
# packages in node_modules, like it builds ours:
#   - Go: github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 and .../cdk8s-plus-go/cdk8splus28/v2 (dist/go/cdk8s,
#     dist/go/cdk8splus28; test/bindings/go/go.mod replaces them with those folders),
#   - Java: org.cdk8s:cdk8s-plus-28 (deployed into dist/java, the Maven repository the smoke test reads).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
CACHE="$ROOT/.bindings-cache"
DIST="$ROOT/dist"
LOGS="$CACHE/logs"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export PIP_CACHE_DIR="$CACHE/pip" PIP_DISABLE_PIP_VERSION_CHECK=1
export GOPATH="$CACHE/go/path" GOMODCACHE="$CACHE/go/mod" GOCACHE="$CACHE/go/cache"
# -modcacherw: the module cache stays deletable with a plain rm -rf.
export GOFLAGS="${GOFLAGS:-} -modcacherw"
M2="$CACHE/m2"

LANGS=("$@")
[ ${#LANGS[@]} -gt 0 ] || LANGS=(python java go)
for lang in "${LANGS[@]}"; do
  case "$lang" in python|java|go) ;; *) echo "unknown language '$lang' (python, java, go)"; exit 2 ;; esac
done

now() { date +%s; }
log() { printf '[bindings %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
# The staging copy holds no sources: the `npm pack` inside jsii-pacmak must not run our prepack (a compile).
pacmak() { (cd "$CACHE/stage" && npm_config_ignore_scripts=true npx --no-install jsii-pacmak --no-npmignore "$@"); }

mkdir -p "$CACHE" "$LOGS" "$DIST"
start=$(now)

# 1. The jsii assembly: compile unless .jsii is newer than every source (CI's `projen check` just compiled).
if [ ! -f .jsii ] || [ -n "$(find src -newer .jsii -print -quit)" ]; then
  log "jsii compile"
  npx --no-install jsii --silence-warnings=reserved-word || { echo "jsii compilation failed"; echo "0 passed, ${#LANGS[@]} failed"; exit 1; }
fi

# 2. A staging copy of the package for jsii-pacmak to `npm pack`: packing the repository root would also pack
#    whatever large untracked folders lie there (caches), and pacmak's recursion would follow the devDependencies.
log "staging the package in .bindings-cache/stage"
rm -rf "$CACHE/stage" && mkdir -p "$CACHE/stage"
for f in package.json .jsii lib README.md LICENSE API.md .npmignore; do
  [ -e "$f" ] && cp -R "$f" "$CACHE/stage/"
done
ln -s "$ROOT/node_modules" "$CACHE/stage/node_modules"

# jsii-pacmak rebuilds every time (its fingerprint only covers generated code), so skip it when its inputs did not
# change: our package (assembly, JavaScript, package.json, README), the dependency versions and pacmak's version.
version_of() { node -p "require('$1/package.json').version"; }
PACMAK_VERSION=$(version_of jsii-pacmak)
PKG_KEY=$( (cd "$CACHE/stage" && find .jsii package.json README.md lib -type f -print0 | sort -z | xargs -0 sha256sum) \
  | sha256sum | cut -c1-32)
DEPS_KEY="cdk8s@$(version_of cdk8s) cdk8s-plus-28@$(version_of cdk8s-plus-28) constructs@$(version_of constructs)"
# cached_pacmak NAME KEY OUTPUT ARGS...: runs jsii-pacmak ARGS unless OUTPUT exists and NAME was built with KEY.
cached_pacmak() {
  local name=$1 key="$2 pacmak@$PACMAK_VERSION" output=$3; shift 3
  if [ -e "$output" ] && [ "$(cat "$CACHE/keys/$name" 2>/dev/null)" = "$key" ]; then
    echo "jsii-pacmak $name: up to date ($output)"
    return 0
  fi
  rm -f "$CACHE/keys/$name"
  pacmak "$@" || return 1
  mkdir -p "$CACHE/keys" && echo "$key" > "$CACHE/keys/$name"
}

# The code examples of the doc comments and README, translated by jsii-rosetta, so that the Python and Java docs
# show Python and Java rather than TypeScript. Examples it cannot translate stay verbatim (it prints why).
TABLET="$CACHE/rosetta/tablet.json"
if [ ! -f "$TABLET" ] || [ "$(cat "$CACHE/keys/rosetta" 2>/dev/null)" != "$PKG_KEY" ]; then
  log "jsii-rosetta extract (doc examples in every language)"
  mkdir -p "$CACHE/rosetta" "$CACHE/keys" && rm -f "$TABLET"
  (cd "$CACHE/stage" && npx --no-install jsii-rosetta extract --compile=false --output "$TABLET") > "$LOGS/rosetta.log" 2>&1 \
    && echo "$PKG_KEY" > "$CACHE/keys/rosetta" \
    || { grep -v '^!!' "$LOGS/rosetta.log" | tail -20; echo "jsii-rosetta failed"; rm -f "$TABLET"; }
fi
ROSETTA=()
[ -f "$TABLET" ] && ROSETTA=(--rosetta-tablet "$TABLET") && PKG_KEY="$PKG_KEY rosetta"

# 3. One pipeline per language: package with jsii-pacmak, install with the language's tools, run the smoke test.
build_python() {
  cached_pacmak python "$PKG_KEY $DEPS_KEY" "$DIST/python" -v --target python -o "$DIST" "${ROSETTA[@]}" . || return 1
  local venv="$CACHE/python/venv" req="test/bindings/python/requirements.txt"
  local key; key="$(python3 --version 2>&1) $(sha256sum "$req" | cut -c1-16)"
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$CACHE/python/venv.key" 2>/dev/null)" != "$key" ]; then
    rm -rf "$venv" && python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$req" || return 1
    echo "$key" > "$CACHE/python/venv.key"
  fi
  local wheel; wheel=$(ls "$DIST"/python/cdk8s_hardened-*.whl) || return 1
  # The dependencies are pinned by requirements.txt; the wheel is reinstalled every run.
  "$venv/bin/pip" install -q --force-reinstall --no-deps "$wheel" && "$venv/bin/pip" check || return 1
  "$venv/bin/python" test/bindings/python/smoke_test.py || return 1
  # The README's Python example, exactly as printed there: it must synthesize.
  local out; out=$(mktemp -d)
  (cd "$out" && CDK8S_OUTDIR="$out" "$venv/bin/python" "$ROOT/test/bindings/python/readme_example.py") \
    && [ -s "$out/shop.k8s.yaml" ] && echo "README example: synthesized shop.k8s.yaml" || { rm -rf "$out"; return 1; }
  rm -rf "$out"
}

build_java() {
  # cdk8s-plus-28 first, so that our pom's version range on it resolves against dist/java; no javadoc for it.
  cached_pacmak java-cdk8s-plus-28 "$DEPS_KEY" "$DIST/java/org/cdk8s/cdk8s-plus-28" \
    -v --target java -o "$DIST" --maven-local-repository="$M2" --mvn-define=maven.javadoc.skip=true \
    node_modules/cdk8s-plus-28 || return 1
  cached_pacmak java "$PKG_KEY $DEPS_KEY" "$DIST/java/dev/cdk8s-hardened" \
    -v --target java -o "$DIST" --maven-local-repository="$M2" "${ROSETTA[@]}" . || return 1
  # Maven never re-reads a release version it has cached, and reads no file repository offline: put the jars built
  # here into the local repository as if installed there.
  rm -rf "$M2/dev/cdk8s-hardened" "$M2/org/cdk8s/cdk8s-plus-28"
  mkdir -p "$M2/dev" "$M2/org/cdk8s"
  cp -R "$DIST/java/dev/cdk8s-hardened" "$M2/dev/" && cp -R "$DIST/java/org/cdk8s/cdk8s-plus-28" "$M2/org/cdk8s/" || return 1
  local offline=() key; key=$(sha256sum test/bindings/java/pom.xml | cut -c1-16)
  [ "$(cat "$CACHE/java/online.key" 2>/dev/null)" = "$key" ] && offline=(-o)
  local mvn_test=(mvn -B -f test/bindings/java/pom.xml test -Dmaven.repo.local="$M2"
    -Dbindings.repo="file://$DIST/java" -Dbindings.build="$CACHE/java/target")
  # Offline once a run with this pom resolved everything online; online again if something is missing after all.
  if [ ${#offline[@]} -gt 0 ]; then
    "${mvn_test[@]}" -o || { echo "retrying online"; "${mvn_test[@]}"; } || return 1
  else
    "${mvn_test[@]}" || return 1
  fi
  mkdir -p "$CACHE/java" && echo "$key" > "$CACHE/java/online.key"
}

build_go() {
  cached_pacmak go "$PKG_KEY $DEPS_KEY" "$DIST/go/cdk8shardened/go.mod" \
    -v --target go -o "$DIST" "${ROSETTA[@]}" . node_modules/cdk8s node_modules/cdk8s-plus-28 || return 1
  (cd test/bindings/go && go test -count=1 -v ./...)
}

declare -A PID STATUS SECONDS_TAKEN
for lang in "${LANGS[@]}"; do
  log "$lang: packaging and smoke test (log: .bindings-cache/logs/$lang.log)"
  ( t0=$(now); "build_$lang" > "$LOGS/$lang.log" 2>&1; rc=$?; echo "$(( $(now) - t0 ))" > "$LOGS/$lang.seconds"; exit $rc ) &
  PID[$lang]=$!
done
for lang in "${LANGS[@]}"; do
  if wait "${PID[$lang]}"; then STATUS[$lang]=PASS; else STATUS[$lang]=FAIL; fi
  SECONDS_TAKEN[$lang]=$(cat "$LOGS/$lang.seconds" 2>/dev/null || echo '?')
done

# 4. Report: the log of each failing language (every log with BINDINGS_VERBOSE=1), then one line per language.
passed=0 failed=0
for lang in "${LANGS[@]}"; do
  if [ "${STATUS[$lang]}" = FAIL ] || [ "${BINDINGS_VERBOSE:-}" = 1 ]; then
    printf '\n----- %s log -----\n' "$lang"
    grep -v '^!!' "$LOGS/$lang.log" | tail -n 200
  fi
done
echo
for lang in "${LANGS[@]}"; do
  printf '%s %-6s (%ss)\n' "${STATUS[$lang]}" "$lang" "${SECONDS_TAKEN[$lang]}"
  if [ "${STATUS[$lang]}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "bindings took $(( $(now) - start ))s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
