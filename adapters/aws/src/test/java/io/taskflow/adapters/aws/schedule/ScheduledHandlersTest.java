package io.taskflow.adapters.aws.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.aws.http.ApiHandler;
import io.taskflow.adapters.aws.testing.AwsTestStack;
import io.taskflow.adapters.aws.testing.Payloads;
import io.taskflow.adapters.aws.testing.TopicReader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

class ScheduledHandlersTest {
    private static AwsTestStack stack;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        stack = AwsTestStack.get();
        json = stack.context().getBean(JsonMapper.class);
    }

    @Test
    void eachScheduleOfTheTerraformInvokesItsFunctionWithAnInputItsJobAccepts() throws Exception {
        Map<String, Object> schedules = terraformSchedules();
        String group = "taskflow-test-" + UUID.randomUUID();
        try (SchedulerClient scheduler = scheduler()) {
            scheduler.createScheduleGroup(r -> r.name(group));
            for (var schedule : schedules.entrySet()) {
                String job = schedule.getKey();
                String expression = spec(schedule.getValue()).get("expression").toString();
                scheduler.createSchedule(r -> r.groupName(group)
                        .name("taskflow-test-" + job)
                        .scheduleExpression(expression)
                        .scheduleExpressionTimezone("UTC")
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .target(t -> t.arn("arn:aws:lambda:us-east-1:123456789012:function:taskflow-test-" + job)
                                .roleArn("arn:aws:iam::123456789012:role/taskflow-test-scheduler")
                                .input("{\"job\":\"" + job
                                        + "\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}")));
            }

            var listed = scheduler.listSchedules(r -> r.groupName(group)).schedules();
            assertThat(listed).extracting(ScheduleSummary::name).hasSize(schedules.size());
            for (var schedule : schedules.entrySet()) {
                GetScheduleResponse stored =
                        scheduler.getSchedule(r -> r.groupName(group).name("taskflow-test-" + schedule.getKey()));
                RequestStreamHandler handler =
                        handler(spec(schedule.getValue()).get("handler").toString());

                JobResult result =
                        json.readValue(Payloads.invoke(handler, stored.target().input()), JobResult.class);

                assertThat(result.job()).isEqualTo(schedule.getKey());
            }
        }
    }

    @Test
    void theOutboxSweepPublishesAnEventAnInvocationLeftBehind() throws Exception {
        String email = "sweep-" + UUID.randomUUID() + "@example.com";
        Payloads.invoke(new ApiHandler(stack.context()), Payloads.load("api-register.json", Map.of("EMAIL", email)));
        String eventId;
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("UPDATE outbox SET published_at = NULL WHERE data LIKE ?"
                        + " AND event_type = 'user.registered' RETURNING event_id")) {
            ps.setString(1, "%" + email + "%");
            try (var rs = ps.executeQuery()) {
                rs.next();
                eventId = rs.getString(1);
            }
        }

        JobResult result = json.readValue(
                Payloads.invoke(new OutboxSweepHandler(stack.context()), "{\"job\":\"outbox-sweep\"}"),
                JobResult.class);

        assertThat(result.done()).isGreaterThanOrEqualTo(1);
        // Once by the registration's own flush, once more by the sweep.
        assertThat(TopicReader.await(
                        stack.bootstrapServers(),
                        "user.registered",
                        r -> eventId.equals(TopicReader.header(r, "ce_id")),
                        2))
                .hasSize(2);
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT published_at FROM outbox WHERE event_id = ?::uuid")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getObject(1)).isNotNull();
            }
        }
    }

    @Test
    void aScheduleInputNamingAnotherJobIsRefused() {
        var reminders = new ReminderSweepHandler(stack.context());

        assertThatThrownBy(() -> Payloads.invoke(reminders, "{\"job\":\"digest\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs the job reminders, not digest");
    }

    private static RequestStreamHandler handler(String className) throws Exception {
        return (RequestStreamHandler) Class.forName(className)
                .getConstructor(ApplicationContext.class)
                .newInstance(stack.context());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> terraformSchedules() throws Exception {
        var parser = new com.bertramlabs.plugins.hcl4j.HCLParser();
        Path main = Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.exists(main.resolve("iac/terraform/aws/main.tf"))) {
            main = main.getParent();
        }
        Map<String, Object> parsed =
                parser.parse(main.resolve("iac/terraform/aws/main.tf").toFile(), "UTF-8");
        return (Map<String, Object>) ((Map<String, Object>) parsed.get("locals")).get("schedules");
    }

    private static SchedulerClient scheduler() {
        return SchedulerClient.builder()
                .endpointOverride(URI.create(stack.motoEndpoint()))
                .region(Region.of(AwsTestStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
