#!/usr/bin/env bash
# Builds (or reuses) kube-apiserver, kubectl and etcd from the pinned module in
# this directory. Everything lands outside the clone:
#   ${CDK8S_HARDENED_CACHE:-$HOME/.cache/cdk8s-hardened}/cluster/{bin,go/mod,go/build}
# A stamp (hash of go.mod, go.sum, the Go version and the build flags) lets a
# warm run reuse the binaries without invoking the Go build at all.
# Prints the bin directory on the last line of stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${CDK8S_HARDENED_CACHE:-$HOME/.cache/cdk8s-hardened}/cluster"
bin="$cache/bin"
mkdir -p "$bin" "$cache/go/mod" "$cache/go/build"

export GOMODCACHE="$cache/go/mod"
export GOCACHE="$cache/go/build"
export GOFLAGS=-mod=mod
export GOTOOLCHAIN=local
export CGO_ENABLED=0

k8s_version=v1.37.2
ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=37 -X $pkg.gitTreeState=clean"
done
ldflags="-s -w$ldflags"

declare -A targets=(
  [kube-apiserver]=k8s.io/kubernetes/cmd/kube-apiserver
  [kubectl]=k8s.io/kubernetes/cmd/kubectl
  [etcd]=go.etcd.io/etcd/server/v3
)

stamp="$( { cat "$here/go.mod" "$here/go.sum"; go version; echo "CGO_ENABLED=$CGO_ENABLED -trimpath $ldflags"; } | sha256sum | cut -d' ' -f1)"

fresh=1
[[ -f "$bin/.stamp" && "$(cat "$bin/.stamp")" == "$stamp" ]] || fresh=0
for name in "${!targets[@]}"; do [[ -x "$bin/$name" ]] || fresh=0; done

if [[ $fresh == 1 ]]; then
  echo "cluster: reusing binaries in $bin (stamp ${stamp:0:12})" >&2
else
  rm -f "$bin/.stamp"
  cd "$here"
  # kube-apiserver first: it is the long one.
  for name in kube-apiserver etcd kubectl; do
    start=$SECONDS
    echo "cluster: building $name (${targets[$name]})" >&2
    go build -trimpath -ldflags "$ldflags" -o "$bin/$name.tmp" "${targets[$name]}"
    mv "$bin/$name.tmp" "$bin/$name"
    echo "cluster: built $name in $((SECONDS - start)) s" >&2
  done
  echo "$stamp" > "$bin/.stamp"
fi
echo "$bin"
