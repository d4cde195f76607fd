package io.taskflow.adapters.azure.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.EventData;
import com.microsoft.azure.functions.HttpMethod;
import io.taskflow.adapters.azure.testing.Api;
import io.taskflow.adapters.azure.testing.AzureTestStack;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiFunctionTest {
    private static AzureTestStack stack;

    @BeforeAll
    static void start() {
        stack = AzureTestStack.get();
    }

    @Test
    void aTaskCreatedThroughTheHttpTriggerIsServedAndItsEventIsHandedToEventHubsBeforeTheInvocationReturns()
            throws Exception {
        String token = Api.newUser();

        Api.Response created = Api.call(HttpMethod.POST, "/tasks", token, "{\"title\":\"Plan the offsite\"}");
        String id = Api.json(created).get("id").toString();
        List<EventData> published = stack.sender().events("task.created").stream()
                .filter(e -> id.equals(e.getProperties().get("cloudEvents:subject")))
                .toList();
        Api.Response read = Api.call(HttpMethod.GET, "/tasks/" + id, token, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/tasks/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(Api.json(read).get("title")).isEqualTo("Plan the offsite");
        assertThat(published).hasSize(1);
        assertThat(stack.sender()
                        .sends(s -> s.hub().equals("task.created") && s.events().contains(published.get(0))))
                .extracting(s -> s.partitionKey())
                .containsExactly(id);
        assertThat(stack.count("SELECT COUNT(*) FROM outbox WHERE subject = ? AND published_at IS NULL", id))
                .isZero();
    }

    @Test
    void aMalformedBodyIsAProblemThatSaysWhatIsWrongAndWritesNothing() throws Exception {
        String token = Api.newUser();
        int before = stack.count("SELECT COUNT(*) FROM tasks");

        Api.Response refused = Api.call(HttpMethod.POST, "/tasks", token, "{\"title\":\"x\",\"colour\":\"red\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Exception").contains("colour");
        assertThat(stack.count("SELECT COUNT(*) FROM tasks")).isEqualTo(before);
    }

    @Test
    void aRequestWithoutATokenIsRefusedAndTheProbesAnswerWithoutOne() {
        assertThat(Api.call(HttpMethod.GET, "/tasks", null, null).status()).isEqualTo(401);
        assertThat(Api.call(HttpMethod.GET, "/health/liveness", null, null).status())
                .isEqualTo(200);
    }
}
