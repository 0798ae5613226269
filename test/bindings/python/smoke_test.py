"""Smoke test of the cdk8s-hardened Python package, installed from the wheel jsii-pacmak built.

Builds the same app as the Java and Go smoke tests: an IsolatedNamespace with two HardenedDeployments, database
credentials from an ExternalSecret handed to one of them through a SecretBackedEnv, and the network flows between
them. The guardrails are enabled in strict mode (warnings fail synthesis too); the app is synthesized to a temporary
folder, and the test asserts on the manifests written there and on a report with zero findings. A second app with
a privileged container checks that the guardrails' failure reaches Python as an exception, that an uncaught one
prints the report once, and that the messages speak Python.

Run by test/bindings/run.sh; prints one line per check and exits non-zero on the first failure.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

import cdk8s_plus_28 as kplus
from cdk8s import App, Chart, Yaml
from cdk8s_hardened import (
    ExternalSecret,
    ExternalSecretData,
    FailOn,
    Guardrails,
    HardenedDeployment,
    IsolatedNamespace,
    NamespacePeer,
    NetworkFlowPort,
    NetworkPeer,
    Packs,
    SecretBackedEnv,
    SecretEnvVariable,
    SecretFile,
    SecretStoreKind,
)

DIGEST = "@sha256:" + "0123456789abcdef" * 4

# A user's app that fails the guardrails and does not catch the error (quiet is off, as by default).
UNCAUGHT_FAILURE = """
import cdk8s_plus_28 as kplus
from cdk8s import App, Chart
from cdk8s_hardened import Guardrails
app = App(outdir="uncaught")
Guardrails.enable(app)
kplus.Deployment(Chart(app, "legacy"), "root", containers=[kplus.ContainerProps(
    image="nginx", security_context=kplus.ContainerSecurityContextProps(ensure_non_root=False, privileged=True))])
app.synth()
"""


def build_shop(outdir):
    """The app every binding builds; returns it with the constructs the checks look at."""
    app = App(outdir=outdir)
    Guardrails.enable(
        app,
        packs=Packs.defaults(),
        fail_on=FailOn.WARNING,
        quiet=True,
        report_dir=os.path.join(outdir, "report"),
    )

    shop = IsolatedNamespace(app, "shop", name="shop")
    web = HardenedDeployment(
        shop,
        "web",
        containers=[kplus.ContainerProps(name="web", image="ghcr.io/acme/web:1.4.2" + DIGEST, port_number=8080)],
    )
    api = HardenedDeployment(
        shop,
        "api",
        containers=[kplus.ContainerProps(name="api", image="ghcr.io/acme/api:1.4.2" + DIGEST, port_number=9090)],
    )

    database = ExternalSecret(
        shop,
        "db-credentials",
        store_name="vault",
        store_kind=SecretStoreKind.CLUSTER_SECRET_STORE,
        data=[
            ExternalSecretData(secret_key="username", remote_key="shop/database", property="username"),
            ExternalSecretData(secret_key="password", remote_key="shop/database", property="password"),
        ],
    )
    SecretBackedEnv(
        shop,
        "api-database",
        source=database,
        variables=[SecretEnvVariable(name="DB_USER", key="username")],
        files=[SecretFile(key="password")],
    ).add_to(api)

    shop.allow_ingress_from(
        "FromIngress",
        NamespacePeer.named("ingress-nginx", pod_labels={"app.kubernetes.io/name": "ingress-nginx"}),
        pod_labels=web.match_labels,
        ports=[NetworkFlowPort(port=8080)],
    )
    api.allow_ingress_from(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(9090)])
    return app, web, api, database


def load_manifests(outdir):
    manifests = []
    for name in sorted(os.listdir(outdir)):
        if name.endswith(".yaml"):
            manifests.extend(Yaml.load(os.path.join(outdir, name)))
    return manifests


def check(label, condition, detail=""):
    if not condition:
        raise AssertionError(f"{label}{': ' + str(detail) if detail else ''}")
    print(f"  ok - {label}")


def main():
    outdir = tempfile.mkdtemp(prefix="cdk8s-hardened-py-")
    try:
        app, web, api, database = build_shop(outdir)
        app.synth()
        manifests = load_manifests(outdir)
        by_kind = {}
        for m in manifests:
            by_kind.setdefault(m["kind"], []).append(m)

        # The namespace, with the Pod Security Admission labels.
        namespaces = by_kind.get("Namespace", [])
        check("one Namespace named shop", [n["metadata"]["name"] for n in namespaces] == ["shop"], namespaces)
        labels = namespaces[0]["metadata"]["labels"]
        check("PSA enforce=restricted", labels.get("pod-security.kubernetes.io/enforce") == "restricted", labels)
        check("PSA enforce-version=v1.37", labels.get("pod-security.kubernetes.io/enforce-version") == "v1.37", labels)
        outside = [f"{m['kind']}/{m['metadata']['name']}" for m in manifests
                   if m["kind"] != "Namespace" and m["metadata"].get("namespace") != "shop"]
        check(f"all {len(manifests) - 1} namespaced objects are in shop", outside == [], outside)

        # Hardened workloads.
        deployments = by_kind.get("Deployment", [])
        check("two Deployments", len(deployments) == 2, [d["metadata"]["name"] for d in deployments])
        for d in deployments:
            name = d["metadata"]["name"]
            pod = d["spec"]["template"]["spec"]
            check(f"{name}: pod runAsNonRoot", pod["securityContext"]["runAsNonRoot"] is True, pod["securityContext"])
            check(f"{name}: pod seccomp RuntimeDefault", pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"})
            check(f"{name}: no service account token", pod.get("automountServiceAccountToken") is False)
            for c in pod["containers"]:
                sc = c["securityContext"]
                check(f"{name}/{c['name']}: no privilege escalation", sc["allowPrivilegeEscalation"] is False, sc)
                check(f"{name}/{c['name']}: read-only root filesystem", sc["readOnlyRootFilesystem"] is True, sc)
                check(f"{name}/{c['name']}: drops ALL capabilities", sc["capabilities"]["drop"] == ["ALL"], sc)
                check(f"{name}/{c['name']}: image pinned by digest", DIGEST in c["image"], c["image"])

        # The ExternalSecret, and the SecretBackedEnv wiring it into the api pods.
        secrets = by_kind.get("ExternalSecret", [])
        check("one ExternalSecret", len(secrets) == 1, secrets)
        es = secrets[0]
        check("ExternalSecret reads from the vault ClusterSecretStore",
              es["spec"]["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": "vault"}, es["spec"])
        check("ExternalSecret target is the construct's secretName",
              es["spec"]["target"]["name"] == database.secret_name, es["spec"]["target"])
        api_pod = next(d for d in deployments if d["metadata"]["name"] == api.name)["spec"]["template"]["spec"]
        env = api_pod["containers"][0].get("env", [])
        check("api gets DB_USER from the secret",
              {"name": "DB_USER", "valueFrom": {"secretKeyRef": {"key": "username", "name": database.secret_name}}} in env, env)
        secret_volumes = [v for v in api_pod.get("volumes", []) if "secret" in v]
        check("api mounts the password file from the secret, mode 0400",
              len(secret_volumes) == 1 and secret_volumes[0]["secret"]["secretName"] == database.secret_name
              and secret_volumes[0]["secret"]["defaultMode"] == 0o400
              and secret_volumes[0]["secret"]["items"] == [{"key": "password", "path": "password"}],
              secret_volumes)
        web_pod = next(d for d in deployments if d["metadata"]["name"] == web.name)["spec"]["template"]["spec"]
        check("web gets no secret", "env" not in web_pod["containers"][0], web_pod["containers"][0].get("env"))

        # Network policies: default deny, DNS, and exactly the declared flows.
        policies = by_kind.get("NetworkPolicy", [])
        deny = [p for p in policies if p["metadata"]["name"] == "default-deny"]
        check("default-deny covers every pod both ways",
              len(deny) == 1 and deny[0]["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}, deny)
        ingress = [(p["spec"]["podSelector"].get("matchLabels", {}), rule)
                   for p in policies for rule in p["spec"].get("ingress", [])]
        check("api accepts web on 9090",
              (dict(api.match_labels), {"from": [{"podSelector": {"matchLabels": dict(web.match_labels)}}],
                                        "ports": [{"port": 9090, "protocol": "TCP"}]}) in ingress, ingress)
        check("web accepts ingress-nginx on 8080",
              any(sel == dict(web.match_labels) and rule["ports"] == [{"port": 8080, "protocol": "TCP"}]
                  and rule["from"][0]["namespaceSelector"]["matchLabels"] == {"kubernetes.io/metadata.name": "ingress-nginx"}
                  for sel, rule in ingress), ingress)
        check("no other ingress", sorted(r["ports"][0]["port"] for _, r in ingress) == [8080, 9090], ingress)

        # The guardrails' report: zero findings, in memory and on disk.
        report = Guardrails.of(app).last_report
        s = report.summary
        check("report of the synthesis: 0 errors, 0 warnings, 0 infos",
              (s.errors, s.warnings, s.infos) == (0, 0, 0), s)
        check("report checked every object", s.objects == len(manifests), (s.objects, len(manifests)))
        check("nothing unsuppressed", report.unsuppressed() == [], report.unsuppressed())
        again = Guardrails.check(app)
        check("Guardrails.check(app) agrees", (again.summary.errors, again.summary.warnings, len(again.findings)) == (0, 0, 0),
              again.summary)
        with open(os.path.join(outdir, "report", "guardrails-report.json")) as f:
            on_disk = json.load(f)
        check("guardrails-report.json: 0 errors, 0 warnings",
              on_disk["summary"]["errors"] == 0 and on_disk["summary"]["warnings"] == 0, on_disk["summary"])
        check("toJson() matches the file", report.to_json()["summary"] == on_disk["summary"])
        with open(os.path.join(outdir, "report", "images.txt")) as f:
            images = f.read()
        check("images.txt lists each image once, one per line",
              images == f"ghcr.io/acme/api:1.4.2{DIGEST}\nghcr.io/acme/web:1.4.2{DIGEST}\n", images)

        # The guardrails stop a bad app, and the failure reaches Python as an exception.
        bad = App(outdir=os.path.join(outdir, "bad"))
        Guardrails.enable(bad, quiet=True)
        legacy = Chart(bad, "legacy")
        kplus.Deployment(legacy, "root", containers=[kplus.ContainerProps(
            image="nginx", security_context=kplus.ContainerSecurityContextProps(ensure_non_root=False, privileged=True))])
        try:
            bad.synth()
            failure = None
        except RuntimeError as e:
            failure = str(e)
        check("a privileged container fails synthesis", failure is not None and "pss-privileged" in failure, failure)
        check("and nothing was written", not os.path.exists(os.path.join(outdir, "bad", "legacy.k8s.yaml")))
        check("the error names the failing rule and where the report is kept",
              "Rules: " in failure and "Guardrails.of(app).last_report" in failure, failure)
        check("the error does not repeat the report", "errors, " not in failure, failure)

        # Uncaught, as a user's app fails: the report reaches the terminal once, not again in the traceback.
        uncaught = subprocess.run([sys.executable, "-c", UNCAUGHT_FAILURE], cwd=outdir, capture_output=True, text=True,
                                  timeout=300)
        stderr = uncaught.stderr
        check("an uncaught failure exits non-zero", uncaught.returncode != 0, uncaught.returncode)
        check("its stderr has the report once", stderr.count(" errors, ") == 1 and stderr.count("pss-privileged") >= 1,
              stderr)
        check("its report speaks Python", "list_infos=True" in stderr and "{ listInfos" not in stderr, stderr)

        # A hardened construct refuses a privileged container with the override written in Python.
        try:
            HardenedDeployment(Chart(App(outdir=os.path.join(outdir, "refused")), "c"), "root", containers=[
                kplus.ContainerProps(image="ghcr.io/acme/web:1.4.2" + DIGEST, port_number=8080,
                                     security_context=kplus.ContainerSecurityContextProps(privileged=True))])
            refusal = None
        except RuntimeError as e:
            refusal = str(e)
        check("a privileged container is refused at construction", refusal is not None and "privileged" in refusal, refusal)
        check("the refusal shows the override in Python",
              'HardeningOverride(check=HardeningCheck.PRIVILEGED, reason="<why, at least 10 characters>")' in refusal, refusal)
        check("the refusal shows no TypeScript syntax",
              not any(ts in refusal for ts in ("{ check:", "HardeningCheck.PRIVILEGED, reason:", "=>", "'<why")), refusal)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"  FAILED - {e}", file=sys.stderr)
        sys.exit(1)
    print("python smoke test: all checks passed")
