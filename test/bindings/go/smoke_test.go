// Smoke test of the cdk8s-hardened Go module, built by jsii-pacmak.
//
// Builds the same app as the Python and Java smoke tests: an IsolatedNamespace with two HardenedDeployments,
// database credentials from an ExternalSecret handed to one of them through a SecretBackedEnv, and the network
// flows between them. The guardrails are enabled in strict mode (warnings fail synthesis too); the app is
// synthesized to a temporary folder, and the tests assert on the manifests written there and on a report with
// zero findings.
package smoke

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-hardened/cdk8s-hardened-go/cdk8shardened"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2"
)

const digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

type m = map[string]interface{}
type l = []interface{}

var (
	outdir    string
	app       cdk8s.App
	web, api  cdk8shardened.HardenedDeployment
	database  cdk8shardened.ExternalSecret
	manifests []m
)

func TestMain(main *testing.M) {
	dir, err := os.MkdirTemp("", "cdk8s-hardened-go-")
	if err != nil {
		panic(err)
	}
	outdir = dir
	synthesizeTheShop()
	code := main.Run()
	os.RemoveAll(outdir)
	jsii.Close()
	os.Exit(code)
}

func synthesizeTheShop() {
	app = cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(outdir)})
	cdk8shardened.Guardrails_Enable(app, &cdk8shardened.GuardrailsProps{
		Packs:     cdk8shardened.Packs_Defaults(),
		FailOn:    cdk8shardened.FailOn_WARNING,
		Quiet:     jsii.Bool(true),
		ReportDir: jsii.String(filepath.Join(outdir, "report")),
	})

	shop := cdk8shardened.NewIsolatedNamespace(app, jsii.String("shop"), &cdk8shardened.IsolatedNamespaceProps{
		Name: jsii.String("shop"),
	})
	web = cdk8shardened.NewHardenedDeployment(shop, jsii.String("web"), &cdk8shardened.HardenedDeploymentProps{
		Containers: &[]*cdk8splus28.ContainerProps{{
			Name: jsii.String("web"), Image: jsii.String("ghcr.io/acme/web:1.4.2" + digest), PortNumber: jsii.Number(8080),
		}},
	})
	api = cdk8shardened.NewHardenedDeployment(shop, jsii.String("api"), &cdk8shardened.HardenedDeploymentProps{
		Containers: &[]*cdk8splus28.ContainerProps{{
			Name: jsii.String("api"), Image: jsii.String("ghcr.io/acme/api:1.4.2" + digest), PortNumber: jsii.Number(9090),
		}},
	})

	database = cdk8shardened.NewExternalSecret(shop, jsii.String("db-credentials"), &cdk8shardened.ExternalSecretProps{
		StoreName: jsii.String("vault"),
		StoreKind: cdk8shardened.SecretStoreKind_CLUSTER_SECRET_STORE,
		Data: &[]*cdk8shardened.ExternalSecretData{
			{SecretKey: jsii.String("username"), RemoteKey: jsii.String("shop/database"), Property: jsii.String("username")},
			{SecretKey: jsii.String("password"), RemoteKey: jsii.String("shop/database"), Property: jsii.String("password")},
		},
	})
	cdk8shardened.NewSecretBackedEnv(shop, jsii.String("api-database"), &cdk8shardened.SecretBackedEnvProps{
		Source:    database,
		Variables: &[]*cdk8shardened.SecretEnvVariable{{Name: jsii.String("DB_USER"), Key: jsii.String("username")}},
		Files:     &[]*cdk8shardened.SecretFile{{Key: jsii.String("password")}},
	}).AddTo(api, nil)

	shop.AllowIngressFrom(jsii.String("FromIngress"),
		cdk8shardened.NamespacePeer_Named(jsii.String("ingress-nginx"), &cdk8shardened.NamespacePeerOptions{
			PodLabels: &map[string]*string{"app.kubernetes.io/name": jsii.String("ingress-nginx")},
		}),
		&cdk8shardened.NetworkFlowOptions{
			PodLabels: web.MatchLabels(),
			Ports:     &[]*cdk8shardened.NetworkFlowPort{{Port: jsii.Number(8080)}},
		})
	api.AllowIngressFrom(cdk8shardened.NetworkPeer_Workload(web),
		&[]cdk8splus28.NetworkPolicyPort{cdk8splus28.NetworkPolicyPort_Tcp(jsii.Number(9090))})

	app.Synth()

	files, err := filepath.Glob(filepath.Join(outdir, "*.yaml"))
	if err != nil {
		panic(err)
	}
	sort.Strings(files)
	for _, f := range files {
		for _, doc := range *cdk8s.Yaml_Load(jsii.String(f)) {
			manifests = append(manifests, doc.(m))
		}
	}
}

// get walks nested maps: get(x, "spec", "template") is x["spec"]["template"], or nil.
func get(node interface{}, path ...string) interface{} {
	for _, key := range path {
		mm, ok := node.(m)
		if !ok {
			return nil
		}
		node = mm[key]
	}
	return node
}

func ofKind(kind string) []m {
	var out []m
	for _, x := range manifests {
		if x["kind"] == kind {
			out = append(out, x)
		}
	}
	return out
}

func podOf(t *testing.T, name string) m {
	for _, d := range ofKind("Deployment") {
		if get(d, "metadata", "name") == name {
			return get(d, "spec", "template", "spec").(m)
		}
	}
	t.Fatalf("no Deployment %s", name)
	return nil
}

func labelsOf(labels *map[string]*string) m {
	out := m{}
	for k, v := range *labels {
		out[k] = *v
	}
	return out
}

func TestNamespaceCarriesThePodSecurityLabels(t *testing.T) {
	namespaces := ofKind("Namespace")
	if len(namespaces) != 1 || get(namespaces[0], "metadata", "name") != "shop" {
		t.Fatalf("want one Namespace shop, got %v", namespaces)
	}
	labels := get(namespaces[0], "metadata", "labels").(m)
	if labels["pod-security.kubernetes.io/enforce"] != "restricted" || labels["pod-security.kubernetes.io/enforce-version"] != "v1.37" {
		t.Errorf("PSA labels: %v", labels)
	}
	for _, x := range manifests {
		if x["kind"] != "Namespace" && get(x, "metadata", "namespace") != "shop" {
			t.Errorf("%v %v is outside the namespace", x["kind"], get(x, "metadata", "name"))
		}
	}
}

func TestDeploymentsAreHardened(t *testing.T) {
	deployments := ofKind("Deployment")
	if len(deployments) != 2 {
		t.Fatalf("want 2 Deployments, got %d", len(deployments))
	}
	for _, d := range deployments {
		pod := get(d, "spec", "template", "spec")
		if get(pod, "securityContext", "runAsNonRoot") != true {
			t.Errorf("%v: pod runAsNonRoot is not true", get(d, "metadata", "name"))
		}
		if get(pod, "securityContext", "seccompProfile", "type") != "RuntimeDefault" {
			t.Errorf("%v: pod seccomp is not RuntimeDefault", get(d, "metadata", "name"))
		}
		if get(pod, "automountServiceAccountToken") != false {
			t.Errorf("%v: service account token mounted", get(d, "metadata", "name"))
		}
		for _, c := range get(pod, "containers").(l) {
			sc := get(c, "securityContext")
			if get(sc, "allowPrivilegeEscalation") != false || get(sc, "readOnlyRootFilesystem") != true ||
				!reflect.DeepEqual(get(sc, "capabilities", "drop"), l{"ALL"}) {
				t.Errorf("container %v: securityContext %v", get(c, "name"), sc)
			}
			if !strings.HasSuffix(get(c, "image").(string), digest) {
				t.Errorf("container %v: image %v not pinned by digest", get(c, "name"), get(c, "image"))
			}
		}
	}
}

func TestExternalSecretFeedsTheApiThroughSecretBackedEnv(t *testing.T) {
	secrets := ofKind("ExternalSecret")
	if len(secrets) != 1 {
		t.Fatalf("want one ExternalSecret, got %d", len(secrets))
	}
	if ref := get(secrets[0], "spec", "secretStoreRef"); !reflect.DeepEqual(ref, m{"kind": "ClusterSecretStore", "name": "vault"}) {
		t.Errorf("secretStoreRef %v", ref)
	}
	name := *database.SecretName()
	if get(secrets[0], "spec", "target", "name") != name {
		t.Errorf("target %v, want %s", get(secrets[0], "spec", "target"), name)
	}

	apiPod := podOf(t, *api.Name())
	env := get(apiPod["containers"].(l)[0], "env")
	want := m{"name": "DB_USER", "valueFrom": m{"secretKeyRef": m{"key": "username", "name": name}}}
	found := false
	for _, e := range env.(l) {
		found = found || reflect.DeepEqual(e, want)
	}
	if !found {
		t.Errorf("api env %v lacks %v", env, want)
	}
	var secretVolumes []interface{}
	for _, v := range apiPod["volumes"].(l) {
		if get(v, "secret") != nil {
			secretVolumes = append(secretVolumes, v)
		}
	}
	if len(secretVolumes) != 1 || get(secretVolumes[0], "secret", "secretName") != name ||
		get(secretVolumes[0], "secret", "defaultMode") != float64(0400) {
		t.Errorf("secret volumes %v", secretVolumes)
	}
	if env := get(podOf(t, *web.Name())["containers"].(l)[0], "env"); env != nil {
		t.Errorf("web has env %v", env)
	}
}

func TestNetworkPoliciesAllowOnlyTheDeclaredFlows(t *testing.T) {
	policies := ofKind("NetworkPolicy")
	var ports []float64
	sawDeny, apiFromWeb := false, false
	webSelector := l{m{"podSelector": m{"matchLabels": labelsOf(web.MatchLabels())}}}
	for _, p := range policies {
		if get(p, "metadata", "name") == "default-deny" {
			sawDeny = reflect.DeepEqual(p["spec"], m{"podSelector": m{}, "policyTypes": l{"Ingress", "Egress"}})
		}
		rules, _ := get(p, "spec", "ingress").(l)
		for _, r := range rules {
			port := get(get(r, "ports").(l)[0], "port").(float64)
			ports = append(ports, port)
			if reflect.DeepEqual(get(p, "spec", "podSelector", "matchLabels"), labelsOf(api.MatchLabels())) &&
				reflect.DeepEqual(get(r, "from"), webSelector) && port == 9090 {
				apiFromWeb = true
			}
		}
	}
	if !sawDeny {
		t.Error("no default-deny policy covering every pod both ways")
	}
	if !apiFromWeb {
		t.Error("api does not accept web on 9090")
	}
	sort.Float64s(ports)
	if !reflect.DeepEqual(ports, []float64{8080, 9090}) {
		t.Errorf("ingress ports %v, want only the declared 8080 and 9090", ports)
	}
}

func TestGuardrailsReportHasZeroFindings(t *testing.T) {
	guardrails := cdk8shardened.Guardrails_Of(app)
	if guardrails == nil || guardrails.LastReport() == nil {
		t.Fatal("no guardrails report after synthesis")
	}
	report := guardrails.LastReport()
	s := report.Summary()
	if *s.Errors != 0 || *s.Warnings != 0 || *s.Infos != 0 {
		t.Errorf("summary %+v", map[string]float64{"errors": *s.Errors, "warnings": *s.Warnings, "infos": *s.Infos})
	}
	if int(*s.Objects) != len(manifests) {
		t.Errorf("report checked %v objects, %d were written", *s.Objects, len(manifests))
	}
	if n := len(*report.Unsuppressed("")); n != 0 {
		t.Errorf("%d unsuppressed findings", n)
	}
	if again := cdk8shardened.Guardrails_Check(app, nil); len(*again.Findings()) != 0 {
		t.Errorf("Guardrails_Check found %d", len(*again.Findings()))
	}
	raw, err := os.ReadFile(filepath.Join(outdir, "report", "guardrails-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk m
	if err := json.Unmarshal(raw, &onDisk); err != nil {
		t.Fatal(err)
	}
	if get(onDisk, "summary", "errors") != float64(0) || get(onDisk, "summary", "warnings") != float64(0) {
		t.Errorf("guardrails-report.json summary %v", get(onDisk, "summary"))
	}
	if get(report.ToJson(), "summary", "errors") != float64(0) {
		t.Errorf("ToJson summary %v", get(report.ToJson(), "summary"))
	}
}

func TestGuardrailsStopABadAppWithAPanic(t *testing.T) {
	badOut := t.TempDir()
	bad := cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(badOut)})
	cdk8shardened.Guardrails_Enable(bad, &cdk8shardened.GuardrailsProps{Quiet: jsii.Bool(true)})
	legacy := cdk8s.NewChart(bad, jsii.String("legacy"), nil)
	cdk8splus28.NewDeployment(legacy, jsii.String("root"), &cdk8splus28.DeploymentProps{
		Containers: &[]*cdk8splus28.ContainerProps{{
			Image: jsii.String("nginx"),
			SecurityContext: &cdk8splus28.ContainerSecurityContextProps{
				EnsureNonRoot: jsii.Bool(false), Privileged: jsii.Bool(true),
			},
		}},
	})
	message := func() (msg string) {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(error); ok {
					msg = e.Error()
				} else {
					msg = "panic"
				}
			}
		}()
		bad.Synth()
		return ""
	}()
	if !strings.Contains(message, "pss-privileged") {
		t.Errorf("synthesis of a privileged container did not fail with pss-privileged: %q", message)
	}
	// The report goes to standard error once; the panic carries its first line and the rules, not the report again.
	if !strings.Contains(message, "The report is printed on standard error") || strings.Contains(message, " errors, ") {
		t.Errorf("the panic should name where the report is, without repeating it: %q", message)
	}
	if _, err := os.Stat(filepath.Join(badOut, "legacy.k8s.yaml")); err == nil {
		t.Error("the failing synthesis wrote a manifest")
	}
}
