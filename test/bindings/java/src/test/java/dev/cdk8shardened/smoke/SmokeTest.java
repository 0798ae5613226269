package dev.cdk8shardened.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdk8shardened.ExternalSecret;
import dev.cdk8shardened.ExternalSecretData;
import dev.cdk8shardened.FailOn;
import dev.cdk8shardened.GuardrailReport;
import dev.cdk8shardened.Guardrails;
import dev.cdk8shardened.GuardrailsProps;
import dev.cdk8shardened.HardenedDeployment;
import dev.cdk8shardened.IsolatedNamespace;
import dev.cdk8shardened.NamespacePeer;
import dev.cdk8shardened.NamespacePeerOptions;
import dev.cdk8shardened.NetworkFlowOptions;
import dev.cdk8shardened.NetworkFlowPort;
import dev.cdk8shardened.NetworkPeer;
import dev.cdk8shardened.Packs;
import dev.cdk8shardened.ReportSummary;
import dev.cdk8shardened.SecretBackedEnv;
import dev.cdk8shardened.SecretEnvVariable;
import dev.cdk8shardened.SecretFile;
import dev.cdk8shardened.SecretStoreKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cdk8s.App;
import org.cdk8s.AppProps;
import org.cdk8s.Chart;
import org.cdk8s.Yaml;
import org.cdk8s.plus28.ContainerProps;
import org.cdk8s.plus28.ContainerSecurityContextProps;
import org.cdk8s.plus28.Deployment;
import org.cdk8s.plus28.NetworkPolicyPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Smoke test of the cdk8s-hardened Java package, resolved by Maven from the repository jsii-pacmak built.
 *
 * <p>Builds the same app as the Python and Go smoke tests: an IsolatedNamespace with two HardenedDeployments,
 * database credentials from an ExternalSecret handed to one of them through a SecretBackedEnv, and the network flows
 * between them. The guardrails are enabled in strict mode (warnings fail synthesis too); the app is synthesized to a
 * temporary folder, and the tests assert on the manifests written there and on a report with zero findings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmokeTest {
  private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

  private Path outdir;
  private App app;
  private HardenedDeployment web;
  private HardenedDeployment api;
  private ExternalSecret database;
  private List<Map<String, Object>> manifests;

  @BeforeAll
  void synthesizeTheShop() throws IOException {
    outdir = Files.createTempDirectory("cdk8s-hardened-java-");
    app = new App(AppProps.builder().outdir(outdir.toString()).build());
    Guardrails.enable(app, GuardrailsProps.builder()
        .packs(Packs.defaults())
        .failOn(FailOn.WARNING)
        .quiet(true)
        .reportDir(outdir.resolve("report").toString())
        .build());

    IsolatedNamespace shop = IsolatedNamespace.Builder.create(app, "shop").name("shop").build();
    web = HardenedDeployment.Builder.create(shop, "web")
        .containers(List.of(ContainerProps.builder()
            .name("web").image("ghcr.io/acme/web:1.4.2" + DIGEST).portNumber(8080).build()))
        .build();
    api = HardenedDeployment.Builder.create(shop, "api")
        .containers(List.of(ContainerProps.builder()
            .name("api").image("ghcr.io/acme/api:1.4.2" + DIGEST).portNumber(9090).build()))
        .build();

    database = ExternalSecret.Builder.create(shop, "db-credentials")
        .storeName("vault")
        .storeKind(SecretStoreKind.CLUSTER_SECRET_STORE)
        .data(List.of(
            ExternalSecretData.builder().secretKey("username").remoteKey("shop/database").property("username").build(),
            ExternalSecretData.builder().secretKey("password").remoteKey("shop/database").property("password").build()))
        .build();
    SecretBackedEnv.Builder.create(shop, "api-database")
        .source(database)
        .variables(List.of(SecretEnvVariable.builder().name("DB_USER").key("username").build()))
        .files(List.of(SecretFile.builder().key("password").build()))
        .build()
        .addTo(api);

    shop.allowIngressFrom("FromIngress",
        NamespacePeer.named("ingress-nginx",
            NamespacePeerOptions.builder().podLabels(Map.of("app.kubernetes.io/name", "ingress-nginx")).build()),
        NetworkFlowOptions.builder()
            .podLabels(web.getMatchLabels())
            .ports(List.of(NetworkFlowPort.builder().port(8080).build()))
            .build());
    api.allowIngressFrom(NetworkPeer.workload(web), List.of(NetworkPolicyPort.tcp(9090)));

    app.synth();
    manifests = loadManifests(outdir);
  }

  @AfterAll
  void removeOutdir() throws IOException {
    try (Stream<Path> paths = Files.walk(outdir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void namespaceCarriesThePodSecurityLabels() {
    List<Map<String, Object>> namespaces = ofKind("Namespace");
    assertEquals(1, namespaces.size());
    assertEquals("shop", get(namespaces.get(0), "metadata", "name"));
    Map<String, Object> labels = map(get(namespaces.get(0), "metadata", "labels"));
    assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"));
    assertEquals("v1.37", labels.get("pod-security.kubernetes.io/enforce-version"));
    for (Map<String, Object> m : manifests) {
      if (!"Namespace".equals(m.get("kind"))) {
        assertEquals("shop", get(m, "metadata", "namespace"), m.get("kind") + " outside the namespace");
      }
    }
  }

  @Test
  void deploymentsAreHardened() {
    List<Map<String, Object>> deployments = ofKind("Deployment");
    assertEquals(2, deployments.size());
    for (Map<String, Object> d : deployments) {
      Map<String, Object> pod = map(get(d, "spec", "template", "spec"));
      assertEquals(true, get(pod, "securityContext", "runAsNonRoot"));
      assertEquals("RuntimeDefault", get(pod, "securityContext", "seccompProfile", "type"));
      assertEquals(false, pod.get("automountServiceAccountToken"));
      for (Object c : list(pod.get("containers"))) {
        Map<String, Object> sc = map(map(c).get("securityContext"));
        assertEquals(false, sc.get("allowPrivilegeEscalation"));
        assertEquals(true, sc.get("readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), get(sc, "capabilities", "drop"));
        assertTrue(((String) map(c).get("image")).endsWith(DIGEST));
      }
    }
  }

  @Test
  void externalSecretFeedsTheApiThroughSecretBackedEnv() {
    List<Map<String, Object>> secrets = ofKind("ExternalSecret");
    assertEquals(1, secrets.size());
    assertEquals(Map.of("kind", "ClusterSecretStore", "name", "vault"), get(secrets.get(0), "spec", "secretStoreRef"));
    assertEquals(database.getSecretName(), get(secrets.get(0), "spec", "target", "name"));

    Map<String, Object> apiPod = podOf(api.getName());
    Map<String, Object> container = map(list(apiPod.get("containers")).get(0));
    assertTrue(list(container.get("env")).contains(Map.of("name", "DB_USER",
        "valueFrom", Map.of("secretKeyRef", Map.of("key", "username", "name", database.getSecretName())))),
        String.valueOf(container.get("env")));
    List<Map<String, Object>> secretVolumes = list(apiPod.get("volumes")).stream()
        .map(SmokeTest::map).filter(v -> v.containsKey("secret")).collect(Collectors.toList());
    assertEquals(1, secretVolumes.size());
    assertEquals(database.getSecretName(), get(secretVolumes.get(0), "secret", "secretName"));
    assertEquals(0400, ((Number) get(secretVolumes.get(0), "secret", "defaultMode")).intValue());

    Map<String, Object> webContainer = map(list(podOf(web.getName()).get("containers")).get(0));
    assertFalse(webContainer.containsKey("env"));
  }

  @Test
  void networkPoliciesAllowOnlyTheDeclaredFlows() {
    List<Map<String, Object>> policies = ofKind("NetworkPolicy");
    Map<String, Object> deny = policies.stream()
        .filter(p -> "default-deny".equals(get(p, "metadata", "name"))).findFirst().orElseThrow();
    assertEquals(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress")), deny.get("spec"));

    List<Integer> ports = new ArrayList<>();
    boolean apiFromWeb = false;
    for (Map<String, Object> p : policies) {
      Object selected = get(p, "spec", "podSelector", "matchLabels");
      for (Object r : list(map(p.get("spec")).getOrDefault("ingress", List.of()))) {
        Map<String, Object> rule = map(r);
        Map<String, Object> port = map(list(rule.get("ports")).get(0));
        ports.add(((Number) port.get("port")).intValue());
        if (api.getMatchLabels().equals(selected)
            && rule.get("from").equals(List.of(Map.of("podSelector", Map.of("matchLabels", web.getMatchLabels()))))) {
          apiFromWeb = ((Number) port.get("port")).intValue() == 9090;
        }
      }
    }
    assertTrue(apiFromWeb, "api accepts web on 9090");
    ports.sort(Comparator.naturalOrder());
    assertEquals(List.of(8080, 9090), ports, "no ingress but the declared flows");
  }

  @Test
  void guardrailsReportHasZeroFindings() throws IOException {
    Guardrails guardrails = Guardrails.of(app);
    assertNotNull(guardrails);
    GuardrailReport report = guardrails.getLastReport();
    assertNotNull(report);
    ReportSummary s = report.getSummary();
    assertEquals(0, s.getErrors().intValue());
    assertEquals(0, s.getWarnings().intValue());
    assertEquals(0, s.getInfos().intValue());
    assertEquals(manifests.size(), s.getObjects().intValue());
    assertEquals(List.of(), report.unsuppressed());

    GuardrailReport again = Guardrails.check(app);
    assertEquals(0, again.getFindings().size());

    String json = Files.readString(outdir.resolve("report").resolve("guardrails-report.json"));
    assertTrue(json.contains("\"errors\": 0") && json.contains("\"warnings\": 0"), json);
    assertEquals(0, ((Number) get(map(report.toJson()), "summary", "errors")).intValue());
  }

  @Test
  void guardrailsStopABadAppWithAnException() throws IOException {
    Path badOut = Files.createTempDirectory("cdk8s-hardened-java-bad-");
    App bad = new App(AppProps.builder().outdir(badOut.toString()).build());
    Guardrails.enable(bad, GuardrailsProps.builder().quiet(true).build());
    Chart legacy = new Chart(bad, "legacy");
    Deployment.Builder.create(legacy, "root")
        .containers(List.of(ContainerProps.builder()
            .image("nginx")
            .securityContext(ContainerSecurityContextProps.builder().ensureNonRoot(false).privileged(true).build())
            .build()))
        .build();
    RuntimeException e = assertThrows(RuntimeException.class, bad::synth);
    assertTrue(e.getMessage().contains("pss-privileged"), e.getMessage());
    // The report goes to standard error once; the exception carries its first line and the rules, not the report again.
    assertTrue(e.getMessage().contains("The report is printed on standard error"), e.getMessage());
    assertFalse(e.getMessage().contains(" errors, "), e.getMessage());
    assertFalse(Files.exists(badOut.resolve("legacy.k8s.yaml")));
    Files.deleteIfExists(badOut);
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private static List<Map<String, Object>> loadManifests(Path dir) throws IOException {
    List<Map<String, Object>> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList())) {
        for (Object doc : Yaml.load(f.toString())) {
          all.add(map(doc));
        }
      }
    }
    return all;
  }

  private List<Map<String, Object>> ofKind(String kind) {
    return manifests.stream().filter(m -> kind.equals(m.get("kind"))).collect(Collectors.toList());
  }

  private Map<String, Object> podOf(String deploymentName) {
    return map(get(ofKind("Deployment").stream()
        .filter(d -> deploymentName.equals(get(d, "metadata", "name"))).findFirst().orElseThrow(),
        "spec", "template", "spec"));
  }

  private static Object get(Object node, String... path) {
    Object at = node;
    for (String key : path) {
      at = at == null ? null : map(at).get(key);
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
