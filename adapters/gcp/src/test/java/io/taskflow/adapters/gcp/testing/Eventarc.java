package io.taskflow.adapters.gcp.testing;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.trigger.PubSubConsumerFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings Pub/Sub messages from the emulator to a function the way the platform does: each message wrapped as a {@code
 * google.cloud.pubsub.topic.v1.messagePublished} CloudEvent whose data is the push body ({@code message}, {@code
 * subscription}, and {@code deliveryAttempt} where Pub/Sub gives one), then {@code accept}; returning acknowledges,
 * throwing does not. Two ways in: a pull driven by the test (the emulator's pull carries {@code deliveryAttempt}), and a
 * push endpoint the emulator calls, answering 204 or 500 as the Functions Framework does.
 */
public final class Eventarc {
    private final JsonMapper json;
    private final String project;

    public Eventarc(JsonMapper json, String project) {
        this.json = json;
        this.project = project;
    }

    /** What became of one pulled message. */
    public record Outcome(ReceivedMessage message, Exception failure) {
        public boolean acknowledged() {
            return failure == null;
        }
    }

    /**
     * Pulls what the subscription has now and hands each message to the function: acknowledged when it returns, made
     * available again at once when it throws.
     */
    public List<Outcome> pullOnce(SubscriptionAdminClient subscriptions, String subscription, CloudEventsFunction f) {
        return pullOnce(subscriptions, subscription, f, false);
    }

    /**
     * As {@link #pullOnce(SubscriptionAdminClient, String, CloudEventsFunction)}; with {@code loseAcknowledgements}
     * the acknowledgement of a message the function took never reaches Pub/Sub (an instance stopped right after it
     * returned), so the message is delivered again.
     */
    public List<Outcome> pullOnce(
            SubscriptionAdminClient subscriptions,
            String subscription,
            CloudEventsFunction f,
            boolean loseAcknowledgements) {
        String name = "projects/" + project + "/subscriptions/" + subscription;
        @SuppressWarnings("deprecation")
        List<ReceivedMessage> received = subscriptions
                .pull(PullRequest.newBuilder()
                        .setSubscription(name)
                        .setMaxMessages(10)
                        .setReturnImmediately(true)
                        .build())
                .getReceivedMessagesList();
        var outcomes = new java.util.ArrayList<Outcome>();
        for (ReceivedMessage message : received) {
            Exception failure = null;
            try {
                f.accept(wrap(message, name));
            } catch (Exception e) {
                failure = e;
            }
            if (failure == null && !loseAcknowledgements) {
                subscriptions.acknowledge(name, List.of(message.getAckId()));
            } else {
                subscriptions.modifyAckDeadline(name, List.of(message.getAckId()), 0);
            }
            outcomes.add(new Outcome(message, failure));
        }
        return outcomes;
    }

    /** The messagePublished event of a pulled message, as Eventarc delivers it. */
    public CloudEvent wrap(ReceivedMessage received, String subscription) {
        var message = new LinkedHashMap<String, Object>();
        message.put(
                "data",
                Base64.getEncoder()
                        .encodeToString(received.getMessage().getData().toByteArray()));
        message.put("attributes", received.getMessage().getAttributesMap());
        message.put("messageId", received.getMessage().getMessageId());
        message.put("publishTime", Timestamps.toString(received.getMessage().getPublishTime()));
        if (!received.getMessage().getOrderingKey().isEmpty()) {
            message.put("orderingKey", received.getMessage().getOrderingKey());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("message", message);
        body.put("subscription", subscription);
        if (received.getDeliveryAttempt() > 0) {
            body.put("deliveryAttempt", received.getDeliveryAttempt());
        }
        return event(received.getMessage().getMessageId(), bytes(body));
    }

    /**
     * A push endpoint on a loopback port: the body the emulator pushes becomes the messagePublished event's data.
     *
     * @return the endpoint's URL, for the subscription's push config
     */
    public String pushEndpoint(HttpServer server, String path, CloudEventsFunction function) {
        server.createContext(path, exchange -> {
            int status;
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                @SuppressWarnings("unchecked")
                Map<String, Object> push = json.readValue(body, Map.class);
                @SuppressWarnings("unchecked")
                Object id = ((Map<String, Object>) push.get("message")).get("messageId");
                function.accept(event(String.valueOf(id), body));
                status = 204;
            } catch (Exception e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CloudEvent event(String id, byte[] data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("//pubsub.googleapis.com/projects/" + project + "/topics/any"))
                .withType(PubSubConsumerFunction.MESSAGE_PUBLISHED)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data)
                .build();
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
