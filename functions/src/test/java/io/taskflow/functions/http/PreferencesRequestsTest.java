package io.taskflow.functions.http;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Channel;
import io.taskflow.functions.testing.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferencesRequestsTest {
    private ApplicationContext context;
    private PreferencesRequests requests;

    @BeforeAll
    void startContext() {
        context = TestContexts.start();
        requests = new PreferencesRequests(context.getBean(JsonMapper.class));
    }

    @AfterAll
    void stopContext() {
        context.close();
    }

    @Test
    void aFullBodyIsReadIntoAChange() {
        var change = requests.change("{\"events\":[\"task.completed\",\"reminder.triggered\",\"task.completed\"],"
                + "\"channels\":[\"webhook\",\"in-app\"],"
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"webhook\":{\"url\":\"https://hooks.example.com/t\"},\"digest\":true}");

        assertThat(change.events()).containsExactly(EventType.TASK_COMPLETED, EventType.REMINDER_TRIGGERED);
        assertThat(change.channels()).containsExactlyInAnyOrder(Channel.WEBHOOK, Channel.IN_APP);
        assertThat(change.quietHours().timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(change.webhookUrl()).hasToString("https://hooks.example.com/t");
        assertThat(change.digest()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"events\":null,\"channels\":null,\"quietHours\":null,\"webhook\":null,\"digest\":null}"
            })
    void absentOrNullFieldsTakeTheirDefaults(String body) {
        var change = requests.change(body);

        assertThat(change.events()).containsExactly(EventType.REMINDER_TRIGGERED);
        assertThat(change.channels()).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
        assertThat(change.quietHours()).isNull();
        assertThat(change.webhookUrl()).isNull();
        assertThat(change.digest()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"sms\":true}",
                "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"UTC\",\"days\":[1]}}",
                "{\"webhook\":{\"url\":\"https://x.example.com\",\"secret\":\"whsec_mine\"}}",
                "not json",
                "[]",
                "{\"webhook\":\"https://x.example.com\"}"
            })
    void unknownFieldsAtAnyLevelAndBodiesThatAreNotObjectsAreMalformed(String body) {
        assertThatThrownBy(() -> requests.change(body)).isInstanceOf(MalformedBodyException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"events\":[\"user.registered\"]}|events[0]",
                "{\"events\":\"task.created\"}|events",
                "{\"events\":[1]}|events[0]",
                "{\"channels\":[\"in-app\",\"sms\"]}|channels[1]",
                "{\"channels\":[\"webhook\"]}|webhook.url",
                "{\"webhook\":{}}|webhook.url",
                "{\"webhook\":{\"url\":\"ftp://x.example.com\"}}|webhook.url",
                "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"7\",\"timeZone\":\"UTC\"}}|quietHours.end",
                "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}|quietHours.timeZone",
                "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"Nowhere/Land\"}}|quietHours.timeZone",
                "{\"digest\":\"yes\"}|digest"
            })
    void invalidValuesAreRefusedNamingTheirField(String body, String field) {
        assertInvalidInput(field, () -> requests.change(body));
    }
}
