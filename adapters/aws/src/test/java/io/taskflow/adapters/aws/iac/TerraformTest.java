package io.taskflow.adapters.aws.iac;

import static io.taskflow.testsupport.TerraformFiles.list;
import static io.taskflow.testsupport.TerraformFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.taskflow.adapters.aws.testing.AwsTestStack;
import io.taskflow.adapters.aws.testing.ProbeConsumer;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.testsupport.TerraformFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TerraformTest {
    private static TerraformFiles tf;

    @BeforeAll
    static void parse() {
        tf = TerraformFiles.of("aws");
    }

    @Test
    void everyConsumerOfTheAwsRuntimeHasAFunctionReadingExactlyTheTopicsOfItsEventTypes() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (EventConsumer consumer : AwsTestStack.get().context().getBeansOfType(EventConsumer.class)) {
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
        map(tf.root("locals").get("consumers"))
                .forEach((name, spec) -> declared.put(
                        name,
                        new TreeSet<>(list(map(spec).get("topics")).stream()
                                .map(Object::toString)
                                .toList())));

        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void everyConsumerTopicHasAnEventSourceMappingWithPartialBatchResponsesRetriesAndAFailureDestination() {
        Map<String, Object> mapping =
                tf.resources("aws_lambda_event_source_mapping").get("consumer");

        assertThat(mapping.get("for_each")).hasToString("local.consumer_inputs");
        assertThat(list(mapping.get("topics"))).hasSize(1);
        assertThat(list(mapping.get("function_response_types"))).containsExactly("ReportBatchItemFailures");
        assertThat(mapping).containsKeys("maximum_retry_attempts", "provisioned_poller_config");
        assertThat(map(map(mapping.get("destination_config")).get("on_failure")))
                .containsKey("destination_arn");
        // The trigger's own retries are a backstop above the application's policy (5 attempts, then dead letter).
        Object retries =
                map(tf.root("variable").get("consumer_max_retry_attempts")).get("default");
        assertThat(((Number) retries).intValue()).isGreaterThan(5);
    }

    @Test
    void theEightEventTopicsAndEachConsumersTopicsAreDeclaredWithThreePartitions() {
        List<String> topics = list(tf.root("locals").get("event_topics")).stream()
                .map(Object::toString)
                .toList();

        assertThat(topics)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::typeName)
                        .toList());
        for (var topic : tf.resources("kafka_topic").entrySet()) {
            assertThat(((Number) topic.getValue().get("partitions")).intValue())
                    .as(topic.getKey())
                    .isEqualTo(3);
            assertThat(map(topic.getValue().get("config")).get("retention.ms"))
                    .as(topic.getKey())
                    .isEqualTo("604800000");
        }
        assertThat(tf.resources("kafka_topic")).containsOnlyKeys("events", "consumers");
    }

    @Test
    void everyHandlerNamedInTheTerraformIsAStreamHandlerOfThisModuleThatLambdaCanMake() throws Exception {
        for (String handler : handlers()) {
            Class<?> type = Class.forName(handler);
            assertThat(RequestStreamHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor()).as(handler).isNotNull();
        }
        for (var schedule : map(tf.root("locals").get("schedules")).entrySet()) {
            Class<?> type =
                    Class.forName(map(schedule.getValue()).get("handler").toString());
            assertThat(type.getField("JOB").get(null)).isEqualTo(schedule.getKey());
        }
    }

    @Test
    void everyScheduleRetriesAndKeepsWhatItCouldNotDeliver() {
        Map<String, Object> schedule = tf.resources("aws_scheduler_schedule").get("job");
        Map<String, Object> target = map(schedule.get("target"));

        assertThat(schedule.get("for_each")).hasToString("local.schedules");
        assertThat(target).containsKeys("retry_policy", "dead_letter_config", "input");
        assertThat(target.get("input").toString()).contains("\"job\"", "\"scheduledTime\"");
    }

    static List<String> handlers() {
        var handlers = new ArrayList<String>();
        Map<String, Object> locals = tf == null ? TerraformFiles.of("aws").root("locals") : tf.root("locals");
        handlers.add(locals.get("api_handler").toString());
        Stream.of("consumers", "schedules")
                .flatMap(group -> map(locals.get(group)).values().stream())
                .forEach(spec -> handlers.add(map(spec).get("handler").toString()));
        return handlers;
    }
}
