# The Python example of the README, run as is by test/bindings/run.sh (with CDK8S_OUTDIR set to a temporary folder).
from cdk8s import App
import cdk8s_plus_28 as kplus
from cdk8s_hardened import (
    ExternalSecret, ExternalSecretData, Guardrails, HardenedDeployment, IsolatedNamespace, NetworkPeer,
    SecretBackedEnv, SecretEnvVariable,
)

app = App()
Guardrails.enable(app)  # every object is checked before anything is written

shop = IsolatedNamespace(app, "shop")  # PSA restricted, default-deny, DNS, quota, limits
web = HardenedDeployment(shop, "web",
    containers=[kplus.ContainerProps(image="ghcr.io/acme/web:1.4.2", port_number=8080)])
api = HardenedDeployment(shop, "api",
    containers=[kplus.ContainerProps(image="ghcr.io/acme/api:1.4.2", port_number=9090)])

# The password stays in Vault: the manifests only say where to find it.
db = ExternalSecret(shop, "db", store_name="vault",
    data=[ExternalSecretData(secret_key="password", remote_key="shop/db", property="password")])
SecretBackedEnv(shop, "db-env", source=db,
    variables=[SecretEnvVariable(name="DB_PASSWORD", key="password")]).add_to(api)

api.allow_ingress_from(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(9090)])

app.synth()  # writes shop.k8s.yaml, or fails listing every finding to fix
