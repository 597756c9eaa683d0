package io.otbroker.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart lints cleanly and renders the security properties a plant's cluster team expects. */
class HelmChartTest {

    private static final Path CHART = Path.of("otbroker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String KEYS_MOUNT = "/etc/otbroker/keys";

    @Test
    void lintsWithoutWarnings() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
    }

    @Test
    void brokerRunsUnprivilegedWithSecretsOnlyFromASecret() throws IOException {
        JsonNode pod = manifest(render(), "Deployment").path("spec").path("template").path("spec");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        JsonNode container = pod.path("containers").get(0);
        assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        assertFalse(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true));
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            boolean keyFileInTheKeysMount = env.path("value").asText().startsWith(KEYS_MOUNT + "/");
            if ((name.contains("SECRET") || name.contains("KEY") || name.contains("PASSWORD")) && !keyFileInTheKeysMount) {
                assertTrue(env.path("valueFrom").has("secretKeyRef"), name + " must come from a Secret");
                assertFalse(env.has("value"), name + " must not be inline");
            }
        }
        assertEquals("management", container.path("readinessProbe").path("httpGet").path("port").asText());
    }

    @Test
    void managementPortIsOpenOnlyToMonitoring() throws IOException {
        JsonNode policy = manifest(render(), "NetworkPolicy").path("spec");
        JsonNode managementRule = policy.path("ingress").get(1);
        assertEquals(9000, managementRule.path("ports").get(0).path("port").asInt());
        assertTrue(managementRule.path("from").get(0).has("namespaceSelector"));
        assertTrue(policy.path("ingress").get(0).path("from").isMissingNode(), "the user ports are open to all");
        assertEquals(List.of(8080, 2222), policy.path("ingress").get(0).path("ports").findValuesAsText("port").stream()
                .map(Integer::valueOf).toList(), "HTTP and the SSH front door");
    }

    @Test
    void everyReplicaSharesTheHostKeySigningKeyAndRecordings() throws IOException {
        List<JsonNode> documents = documents(render());
        JsonNode pod = manifest(documents, "Deployment").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertEquals(KEYS_MOUNT + "/ssh-host-key", env(container, "OTBROKER_SSH_HOST_KEY"));
        assertEquals(KEYS_MOUNT + "/recording-signing-key.pem", env(container, "OTBROKER_RECORDINGS_SIGNING_KEY"));
        JsonNode keysMount = mount(container, "keys");
        assertEquals(KEYS_MOUNT, keysMount.path("mountPath").asText());
        assertTrue(keysMount.path("readOnly").asBoolean());
        assertEquals("otbroker-keys", volume(pod, "keys").path("secret").path("secretName").asText());

        assertEquals(mount(container, "recordings").path("mountPath").asText(), env(container, "OTBROKER_RECORDINGS_DIR"));
        String claim = volume(pod, "recordings").path("persistentVolumeClaim").path("claimName").asText();
        JsonNode pvc = manifest(documents, "PersistentVolumeClaim");
        assertEquals(claim, pvc.path("metadata").path("name").asText());
        assertEquals("ReadWriteMany", pvc.path("spec").path("accessModes").get(0).asText(), "shared by all replicas");
        assertEquals("keep", pvc.path("metadata").path("annotations").path("helm.sh/resource-policy").asText(),
                "uninstalling must not delete audit evidence");
    }

    @Test
    void anExistingRecordingsVolumeIsUsedAsItIs() throws IOException {
        List<JsonNode> documents = documents(new Helm(CHART).template().withName("plant")
                .set("recordings.existingClaim", "plant-recordings").call());
        assertTrue(documents.stream().noneMatch(d -> "PersistentVolumeClaim".equals(d.path("kind").asText())));
        JsonNode pod = manifest(documents, "Deployment").path("spec").path("template").path("spec");
        assertEquals("plant-recordings", volume(pod, "recordings").path("persistentVolumeClaim").path("claimName").asText());
    }

    @Test
    void networkPolicyCanBeSwitchedOff() throws IOException {
        String rendered = new Helm(CHART).template().withName("plant").set("networkPolicy.enabled", false).call();
        assertTrue(documents(rendered).stream().noneMatch(d -> "NetworkPolicy".equals(d.path("kind").asText())));
    }

    private static String render() {
        return new Helm(CHART).template().withName("plant").call();
    }

    private static JsonNode manifest(String rendered, String kind) throws IOException {
        return manifest(documents(rendered), kind);
    }

    private static JsonNode manifest(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + documents));
    }

    private static String env(JsonNode container, String name) {
        return named(container.path("env"), name).path("value").asText();
    }

    private static JsonNode mount(JsonNode container, String name) {
        return named(container.path("volumeMounts"), name);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        return named(pod.path("volumes"), name);
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + list);
    }

    private static List<JsonNode> documents(String rendered) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(rendered)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull()) {
                    documents.add(d);
                }
            });
        }
        return documents;
    }
}
