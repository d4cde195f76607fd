package io.taskflow.adapters.gcp.iac;

import static io.taskflow.testsupport.TerraformFiles.list;
import static io.taskflow.testsupport.TerraformFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import io.taskflow.adapters.gcp.schedule.ScheduledJobFunction;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.ProbeConsumer;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.testsupport.TerraformFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TerraformTest {
    private static TerraformFiles tf;
    private static Map<String, Object> locals;

    @BeforeAll
    static void parse() {
        tf = TerraformFiles.of("gcp");
        locals = tf.root("locals");
    }

    @Test
    void everyConsumerOfTheGoogleCloudRuntimeHasAFunctionSubscribedToExactlyTheTopicsOfItsEventTypes() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (EventConsumer consumer : GcpTestStack.get().context().getBeansOfType(EventConsumer.class)) {
            // The live feed needs open connections (container runtime only); the probe is this test suite's.
            if (!consumer.stateless() && !consumer.name().equals(ProbeConsumer.NAME)) {
                expected.put(
                        consumer.name(),
                        consumer.types().stream()
                                .map(EventType::typeName)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }

        Map<String, Set<String>> declared = new TreeMap<>();
        map(locals.get("consumers"))
                .forEach((name, spec) -> declared.put(
                        name,
                        new TreeSet<>(list(map(spec).get("topics")).stream()
                                .map(Object::toString)
                                .toList())));

        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void everyConsumerSubscriptionKeepsOrderRetriesWithBackoffAndDeadLettersToItsConsumersTopic() {
        Map<String, Object> subscription =
                tf.resources("google_pubsub_subscription").get("consumer");

        assertThat(subscription.get("for_each")).hasToString("local.consumer_inputs");
        assertThat(subscription.get("enable_message_ordering")).isEqualTo(true);
        assertThat(map(subscription.get("retry_policy"))).containsKeys("minimum_backoff", "maximum_backoff");
        Map<String, Object> deadLetters = map(subscription.get("dead_letter_policy"));
        assertThat(deadLetters).containsKeys("dead_letter_topic", "max_delivery_attempts");
        Map<String, Object> push = map(subscription.get("push_config"));
        assertThat(push).containsKeys("push_endpoint", "oidc_token", "no_wrapper");
        assertThat(map(push.get("no_wrapper")).get("write_metadata")).isEqualTo(true);
        // Pub/Sub's dead-lettering is a backstop above the application's policy (5 attempts, then a dead letter).
        Object attempts =
                map(tf.root("variable").get("pubsub_max_delivery_attempts")).get("default");
        assertThat(((Number) attempts).intValue()).isGreaterThan(5).isLessThanOrEqualTo(100);
        // Pub/Sub's agent may move messages to the dead-letter topics.
        assertThat(tf.resources("google_pubsub_topic_iam_member")).containsKey("dead_letter_forwarding");
        assertThat(tf.resources("google_pubsub_subscription_iam_member")).containsKey("dead_letter_source");
    }

    @Test
    void theEightEventTopicsAndTheDeadLetterTopicsKeepMessagesSevenDays() {
        List<String> topics =
                list(locals.get("event_topics")).stream().map(Object::toString).toList();

        assertThat(topics)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::typeName)
                        .toList());
        assertThat(locals.get("message_retention")).isEqualTo("604800s");
        assertThat(tf.resources("google_pubsub_topic")).containsOnlyKeys("events", "dead_letters");
        for (var topic : tf.resources("google_pubsub_topic").entrySet()) {
            assertThat(topic.getValue().get("message_retention_duration"))
                    .as(topic.getKey())
                    .hasToString("local.message_retention");
        }
    }

    @Test
    void everyEntryPointNamedInTheTerraformIsAFunctionOfThisModuleTheFrameworkCanMake() throws Exception {
        Class<?> api = Class.forName(locals.get("api_entry_point").toString());
        assertThat(HttpFunction.class).isAssignableFrom(api);
        assertThat(api.getConstructor()).isNotNull();
        for (Object spec : map(locals.get("consumers")).values()) {
            Class<?> type = Class.forName(map(spec).get("entry_point").toString());
            assertThat(CloudEventsFunction.class).as(type.getName()).isAssignableFrom(type);
            assertThat(type.getConstructor()).as(type.getName()).isNotNull();
        }
        for (var schedule : map(locals.get("schedules")).entrySet()) {
            Class<?> type =
                    Class.forName(map(schedule.getValue()).get("entry_point").toString());
            assertThat(ScheduledJobFunction.class).as(type.getName()).isAssignableFrom(type);
            assertThat(type.getField("JOB").get(null)).isEqualTo(schedule.getKey());
        }
    }

    @Test
    void everySchedulerJobRetriesAndCallsItsFunctionWithAnIdentityTokenAndItsJobName() {
        Map<String, Object> job = tf.resources("google_cloud_scheduler_job").get("job");
        Map<String, Object> target = map(job.get("http_target"));

        assertThat(job.get("for_each")).hasToString("local.schedules");
        assertThat(job).containsKey("retry_config");
        assertThat(target).containsKeys("oidc_token", "body", "uri");
    }

    @Test
    void onlyThePushAndSchedulerIdentitiesMayInvokeTheConsumerAndJobFunctions() {
        var invokers = tf.resources("google_cloud_run_service_iam_member");

        assertThat(invokers).containsOnlyKeys("pusher_invokes", "scheduler_invokes", "api_public");
        assertThat(invokers.get("pusher_invokes").get("for_each"))
                .hasToString("google_cloudfunctions2_function.consumer");
        assertThat(invokers.get("scheduler_invokes").get("for_each"))
                .hasToString("google_cloudfunctions2_function.job");
        assertThat(map(tf.resources("google_cloudfunctions2_function")
                                .get("consumer")
                                .get("service_config"))
                        .get("ingress_settings"))
                .isEqualTo("ALLOW_INTERNAL_ONLY");
    }

    @Test
    void theDatabaseHasNoPublicAddressAndItsPasswordComesFromSecretManager() {
        Map<String, Object> settings =
                map(tf.resources("google_sql_database_instance").get("main").get("settings"));

        assertThat(map(settings.get("ip_configuration")).get("ipv4_enabled")).isEqualTo(false);
        assertThat(map(locals.get("common_env"))).containsKey("TASKFLOW_GCP_SECRETS_DATABASE_PASSWORD");
        assertThat(map(locals.get("common_env")).keySet())
                .noneMatch(k -> k.contains("PASSWORD") && !k.contains("SECRETS"));
    }
}
