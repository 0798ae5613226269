#!/usr/bin/env bash
# The cluster tests: builds (or reuses) kube-apiserver, etcd and kubectl v1.37.2 from cluster/go.mod, starts etcd
# and kube-apiserver on 127.0.0.1, runs cluster/test/run.ts against them and stops the two processes it started,
# whatever happens.
#
#   npx projen cluster        (= bash cluster/run.sh [arguments for cluster/test/run.ts])
#
# Without go: one SKIPPED line and exit 0, except with CI=true, where a missing go is a failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v go >/dev/null 2>&1; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "cluster: go is not installed; CI must run the cluster tests (install Go >= 1.26 from the Debian or Go packages)" >&2
    exit 1
  fi
  echo "SKIPPED cluster: it needs go (>= 1.26) to build kube-apiserver, etcd and kubectl from cluster/go.mod"
  exit 0
fi

build_start=$SECONDS
bin="$(bash "$root/cluster/build.sh" | tail -n 1)"
echo "cluster: binaries ready in $((SECONDS - build_start)) s"

work="$(mktemp -d "${TMPDIR:-/tmp}/cdk8s-hardened-cluster.XXXXXX")"
pids=()

stop() {
  local status=$?
  trap - EXIT INT TERM
  # Only the processes this script started, by the PIDs it recorded.
  [[ -n "${tests_pid:-}" ]] && kill -TERM "$tests_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $status -ne 0 && -d "$work" ]]; then
    for log in etcd kube-apiserver; do
      [[ -s "$work/$log.log" ]] && { echo "--- last lines of $log.log"; tail -n 20 "$work/$log.log"; } >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Free ports chosen by the kernel (other jobs on the machine may hold etcd's 2379 or the usual 6443).
read -r etcd_client etcd_peer apiserver_port < <(node -e '
  const net = require("net");
  const servers = [0, 1, 2].map(() => net.createServer());
  Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
    .then(ports => { servers.forEach(s => s.close()); console.log(ports.join(" ")); });
')

# The service account signing key and the admin token, made here: nothing is downloaded.
node -e '
  const { generateKeyPairSync, randomBytes } = require("crypto");
  const fs = require("fs");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  fs.writeFileSync(process.argv[1] + "/sa.key", privateKey.export({ type: "pkcs1", format: "pem" }), { mode: 0o600 });
  fs.writeFileSync(process.argv[1] + "/tokens.csv", `${randomBytes(24).toString("hex")},cluster-admin,cluster-admin,system:masters\n`, { mode: 0o600 });
' "$work"
token="$(cut -d, -f1 "$work/tokens.csv")"

"$bin/etcd" \
  --name cluster-test \
  --data-dir "$work/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_client" \
  --advertise-client-urls "http://127.0.0.1:$etcd_client" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-cluster "cluster-test=http://127.0.0.1:$etcd_peer" \
  --unsafe-no-fsync \
  --log-level warn \
  >"$work/etcd.log" 2>&1 &
pids+=("$!")

server_start=$SECONDS
"$bin/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$etcd_client" \
  --bind-address 127.0.0.1 \
  --advertise-address 127.0.0.1 \
  --secure-port "$apiserver_port" \
  --endpoint-reconciler-type none \
  --cert-dir "$work/certs" \
  --service-account-issuer https://kubernetes.default.svc \
  --service-account-key-file "$work/sa.key" \
  --service-account-signing-key-file "$work/sa.key" \
  --service-cluster-ip-range 10.96.0.0/16 \
  --token-auth-file "$work/tokens.csv" \
  --authorization-mode RBAC \
  --allow-privileged=true \
  --enable-admission-plugins PodSecurity,ResourceQuota,LimitRanger,ValidatingAdmissionPolicy \
  >"$work/kube-apiserver.log" 2>&1 &
pids+=("$!")

kubeconfig="$work/kubeconfig"
kubectl=("$bin/kubectl" --kubeconfig "$kubeconfig" --cache-dir "$work/kube-cache")
"${kubectl[@]}" config set-cluster test --server "https://127.0.0.1:$apiserver_port" --insecure-skip-tls-verify=true >/dev/null
"${kubectl[@]}" config set-credentials admin --token "$token" >/dev/null
"${kubectl[@]}" config set-context test --cluster test --user admin >/dev/null
"${kubectl[@]}" config use-context test >/dev/null

ready=0
for _ in $(seq 1 600); do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "cluster: a server process ($pid) exited before the API server was ready" >&2; exit 1; }
  done
  if [[ "$("${kubectl[@]}" get --raw /readyz 2>/dev/null || true)" == "ok" ]]; then ready=1; break; fi
  sleep 0.1
done
[[ $ready == 1 ]] || { echo "cluster: the API server was not ready after 60 s" >&2; exit 1; }
echo "cluster: kube-apiserver $("${kubectl[@]}" version -o json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).serverVersion.gitVersion))') ready on 127.0.0.1:$apiserver_port after $((SECONDS - server_start)) s"

# In the background and waited for, so that INT and TERM reach the traps at once.
CLUSTER_KUBECTL="$bin/kubectl" CLUSTER_KUBECONFIG="$kubeconfig" CLUSTER_KUBE_CACHE="$work/kube-cache" \
  CLUSTER_SERVER="https://127.0.0.1:$apiserver_port" CLUSTER_TOKEN="$token" \
  node "$root/node_modules/.bin/ts-node" --transpile-only --project "$root/tsconfig.dev.json" "$root/cluster/test/run.ts" "$@" &
tests_pid=$!
status=0
wait "$tests_pid" || status=$?
tests_pid=
exit "$status"
