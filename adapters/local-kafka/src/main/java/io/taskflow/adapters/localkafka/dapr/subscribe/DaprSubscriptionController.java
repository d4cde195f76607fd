package io.taskflow.adapters.localkafka.dapr.subscribe;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.taskflow.adapters.localkafka.dapr.StructuredCloudEvents;
import io.taskflow.adapters.localkafka.dapr.deadletter.DeadLetterTable;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.TimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar's side of pub/sub: it asks what to subscribe to, then delivers each event, alone or in bulk, to its
 * route and acts on the answer (SUCCESS, RETRY, DROP; per entry in bulk). Called by the sidecar, so no user token:
 * reachable only from it where the network allows (the sidecar shares the pod), and checked by {@link SidecarToken}
 * when an app API token is set.
 */
@Controller
@DaprRuntime
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DaprSubscriptionController {
    private static final Logger LOG = LoggerFactory.getLogger(DaprSubscriptionController.class);
    private static final String BULK_EVENT_TYPE = "com.dapr.event.sent.bulk";

    private final DaprSubscriptions subscriptions;
    private final DaprDelivery delivery;
    private final DeadLetterTable deadLetters;
    private final StructuredCloudEvents events;
    private final SidecarToken token;
    private final TimeSource time;
    private final JsonMapper json;

    DaprSubscriptionController(
            DaprSubscriptions subscriptions,
            DaprDelivery delivery,
            DeadLetterTable deadLetters,
            StructuredCloudEvents events,
            SidecarToken token,
            TimeSource time,
            JsonMapper json) {
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.events = events;
        this.token = token;
        this.time = time;
        this.json = json;
    }

    @Get("/dapr/subscribe")
    HttpResponse<List<Map<String, Object>>> subscribe(@Header(SidecarToken.HEADER) @Nullable String apiToken) {
        token.check(apiToken);
        return HttpResponse.ok(subscriptions.entries());
    }

    @Post(DaprSubscriptions.EVENTS_ROUTE + "{consumers}")
    @Consumes({StructuredCloudEvents.CONTENT_TYPE, MediaType.APPLICATION_JSON, "application/cloudevents-batch+json"})
    HttpResponse<Map<String, Object>> events(
            String consumers, @Header(SidecarToken.HEADER) @Nullable String apiToken, @Body String body) {
        token.check(apiToken);
        List<String> names = Arrays.asList(consumers.split(","));
        for (String name : names) {
            if (!subscriptions.runs(name)) {
                // Not ours (a stale subscription of another deployment): let the sidecar try again rather than drop it.
                LOG.warn("a delivery for consumer {}, which this process does not run, was answered RETRY", name);
                return HttpResponse.ok(Map.of("status", DaprDelivery.Status.RETRY.name()));
            }
        }
        Delivered delivered = parse(body);
        Map<String, DaprDelivery.Status> answers = delivery.deliver(names, delivered.entries());
        return HttpResponse.ok(delivered.answer(answers));
    }

    /**
     * What the sidecar sends to a dead-letter topic (events it gave up delivering): filed for every consumer of this
     * process that reads the event's type, with the attempts unknown. Answered RETRY while it cannot be stored.
     */
    @Post(DaprSubscriptions.DEAD_LETTERS_ROUTE + "{consumer}")
    @Consumes({StructuredCloudEvents.CONTENT_TYPE, MediaType.APPLICATION_JSON, "application/cloudevents-batch+json"})
    HttpResponse<Map<String, Object>> deadLetters(
            String consumer, @Header(SidecarToken.HEADER) @Nullable String apiToken, @Body String body) {
        token.check(apiToken);
        Delivered delivered = parse(body);
        var answers = new LinkedHashMap<String, DaprDelivery.Status>();
        for (DaprDelivery.Entry entry : delivered.entries()) {
            answers.put(entry.entryId(), file(consumer, entry));
        }
        return HttpResponse.ok(delivered.answer(answers));
    }

    private DaprDelivery.Status file(String topicOwner, DaprDelivery.Entry entry) {
        String type =
                entry.event() == null ? null : String.valueOf(entry.event().get("type"));
        List<String> owners = type == null ? List.of() : subscriptions.statefulReadersOf(type);
        if (owners.isEmpty()) {
            owners = List.of(topicOwner);
        }
        String id =
                entry.event() == null ? "unknown" : String.valueOf(entry.event().get("id"));
        String subject = entry.event() == null || entry.event().get("subject") == null
                ? null
                : entry.event().get("subject").toString();
        try {
            for (String owner : owners) {
                deadLetters.insert(
                        owner,
                        id,
                        type == null ? "unreadable" : type,
                        subject,
                        entry.raw(),
                        "the Dapr sidecar gave up delivering it (dead-letter topic)",
                        0,
                        false,
                        time.now());
            }
            LOG.error("dead letter {} from the sidecar filed for {}", id, owners);
            return DaprDelivery.Status.SUCCESS;
        } catch (RuntimeException e) {
            LOG.error("could not file dead letter {}: {}", id, e.toString());
            return DaprDelivery.Status.RETRY;
        }
    }

    /** A single CloudEvent, or a bulk delivery ({@code entries} of entryId, event, contentType). */
    @SuppressWarnings("unchecked")
    private Delivered parse(String body) {
        Map<String, Object> message;
        try {
            Object parsed = json.readValue(body.getBytes(StandardCharsets.UTF_8), Object.class);
            message = parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (IOException | RuntimeException e) {
            message = null;
        }
        if (message != null
                && message.get("entries") instanceof List<?> list
                && (BULK_EVENT_TYPE.equals(message.get("type")) || !message.containsKey("specversion"))) {
            var entries = new ArrayList<DaprDelivery.Entry>();
            for (Object item : list) {
                Map<String, Object> entry = item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                Object event = entry.get("event");
                entries.add(new DaprDelivery.Entry(
                        String.valueOf(entry.get("entryId")),
                        event instanceof Map<?, ?> e ? (Map<String, Object>) e : null,
                        event instanceof String s ? s : text(event)));
            }
            return new Delivered(true, entries);
        }
        return new Delivered(false, List.of(new DaprDelivery.Entry("single", message, body)));
    }

    private String text(Object value) {
        try {
            return value == null ? "" : new String(events.bytes(value), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }

    private record Delivered(boolean bulk, List<DaprDelivery.Entry> entries) {
        Map<String, Object> answer(Map<String, DaprDelivery.Status> answers) {
            if (!bulk) {
                return Map.of("status", answers.get("single").name());
            }
            return Map.of(
                    "statuses",
                    entries.stream()
                            .map(e -> Map.of(
                                    "entryId",
                                    e.entryId(),
                                    "status",
                                    answers.get(e.entryId()).name()))
                            .toList());
        }
    }
}
