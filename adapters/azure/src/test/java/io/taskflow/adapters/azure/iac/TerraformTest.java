package io.taskflow.adapters.azure.iac;

import static io.taskflow.testsupport.TerraformFiles.list;
import static io.taskflow.testsupport.TerraformFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.annotation.EventHubTrigger;
import io.taskflow.adapters.azure.eventhubs.DeadLetterHubs;
import io.taskflow.adapters.azure.function.FunctionCatalog;
import io.taskflow.core.event.EventType;
import io.taskflow.testsupport.TerraformFiles;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TerraformTest {
    private static TerraformFiles tf;

    @BeforeAll
    static void parse() {
        tf = TerraformFiles.of("azure");
    }

    @Test
    void theConsumersAndTheirHubsAreExactlyThoseTheFunctionsTriggersRead() {
        Map<String, Set<String>> triggers = new TreeMap<>();
        FunctionCatalog.functions().values().forEach(method -> {
            for (Parameter parameter : method.getParameters()) {
                EventHubTrigger trigger = parameter.getAnnotation(EventHubTrigger.class);
                if (trigger != null) {
                    triggers.computeIfAbsent(trigger.consumerGroup(), c -> new TreeSet<>())
                            .add(trigger.eventHubName());
                }
            }
        });

        Map<String, Set<String>> declared = new TreeMap<>();
        map(tf.root("locals").get("consumers"))
                .forEach((name, spec) -> declared.put(
                        name,
                        new TreeSet<>(list(map(spec).get("hubs")).stream()
                                .map(Object::toString)
                                .toList())));

        assertThat(declared).isEqualTo(triggers);
    }

    @Test
    void theEightEventHubsHaveThreePartitionsAndSevenDaysAndEachConsumerItsGroupAndDeadLetterHub() throws Exception {
        List<String> hubs = list(tf.root("locals").get("event_hubs")).stream()
                .map(Object::toString)
                .toList();
        Map<String, Map<String, Object>> eventHubs = tf.resources("azurerm_eventhub");

        assertThat(hubs)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::typeName)
                        .toList());
        assertThat(eventHubs).containsOnlyKeys("event", "dead_letter");
        for (var hub : eventHubs.entrySet()) {
            assertThat(((Number) hub.getValue().get("partition_count")).intValue())
                    .as(hub.getKey())
                    .isEqualTo(3);
        }
        assertThat(((Number) map(tf.root("variable").get("event_retention_days"))
                                .get("default"))
                        .intValue())
                .isEqualTo(7);
        assertThat(tf.resources("azurerm_eventhub_consumer_group")
                        .get("consumer")
                        .get("for_each"))
                .hasToString("local.consumer_inputs");
        // The dead-letter hubs are named as the function code names them, for every consumer (the parser garbles
        // interpolations, so the expression is read as written).
        String main = java.nio.file.Files.readString(tf.root().resolve("main.tf"));
        assertThat(main)
                .contains("dead_letter_hubs = [for consumer in keys(local.consumers) : \""
                        + DeadLetterHubs.of("${consumer}") + "\"]");
    }

    @Test
    void theFunctionAppRunsJava17OnFlexConsumptionWithItsIdentityAndTheSettingsTheCodeReads() {
        Map<String, Object> app =
                tf.resources("azurerm_function_app_flex_consumption").get("this");
        Set<String> settings = map(tf.root("locals").get("app_settings")).keySet();

        assertThat(app.get("runtime_name")).isEqualTo("java");
        assertThat(app.get("runtime_version")).isEqualTo("17");
        assertThat(map(app.get("identity")).get("type")).isEqualTo("SystemAssigned");
        assertThat(app.get("storage_authentication_type")).isEqualTo("SystemAssignedIdentity");
        assertThat(settings)
                .contains(
                        "EventHubs__fullyQualifiedNamespace",
                        "TASKFLOW_EVENTHUBS_NAMESPACE",
                        "TASKFLOW_AZURE_KEYVAULT_URL",
                        "TASKFLOW_AZURE_KEYVAULT_DATABASE_PASSWORD",
                        "TASKFLOW_DB_URL",
                        "TASKFLOW_DB_USER");
        assertThat(settings).noneMatch(s -> s.contains("PASSWORD") && !s.endsWith("KEYVAULT_DATABASE_PASSWORD"));
    }

    @Test
    void theAppsIdentityMayReadTheVaultSendAndReceiveEventsAndRunItsHostAndNoMore() {
        Map<String, Object> roles = map(tf.root("locals").get("function_roles"));
        Set<String> granted = new TreeSet<>();
        roles.values().forEach(r -> granted.add(map(r).get("role").toString()));

        assertThat(granted)
                .containsExactlyInAnyOrder(
                        "Key Vault Secrets User",
                        "Azure Event Hubs Data Sender",
                        "Azure Event Hubs Data Receiver",
                        "Storage Blob Data Owner",
                        "Storage Queue Data Contributor",
                        "Storage Table Data Contributor");
        assertThat(tf.resources("azurerm_key_vault").get("this").get("rbac_authorization_enabled"))
                .isEqualTo(Boolean.TRUE);
        assertThat(tf.resources("azurerm_eventhub_namespace").get("this").get("local_authentication_enabled"))
                .isEqualTo(Boolean.FALSE);
    }

    @Test
    void theVaultHoldsEverySecretTheApplicationReadsUnderTheNameItReadsItBy() {
        Set<String> names = new TreeSet<>();
        tf.resources("azurerm_key_vault_secret")
                .values()
                .forEach(s -> names.add(s.get("name").toString()));

        assertThat(names).containsExactlyInAnyOrder("jwt-signing-secret", "encryption-key", "database-password");
    }
}
