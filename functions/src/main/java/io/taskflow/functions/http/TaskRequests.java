package io.taskflow.functions.http;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Priority;
import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.task.TaskStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Turns request bodies, path ids and conditional headers into the core's commands, with a clear error for each flaw. */
@Singleton
final class TaskRequests {
    private static final Set<String> CREATABLE =
            Set.of("title", "description", "priority", "dueAt", "remindAt", "tags", "recurrence");
    private static final Set<String> PATCHABLE =
            Set.of("title", "description", "priority", "status", "dueAt", "remindAt", "tags", "recurrence");

    private final JsonMapper json;

    TaskRequests(JsonMapper json) {
        this.json = json;
    }

    /** The body of {@code POST /tasks}: the same fields and types a patch takes, with {@code title} required. */
    TaskDetails details(String body) {
        JsonNode node = object(body, CREATABLE);
        return new TaskDetails(
                value(node, "title", v -> text("title", v)),
                value(node, "description", v -> text("description", v)),
                value(node, "priority", v -> Priority.parse("priority", text("priority", v))),
                value(node, "dueAt", v -> instant("dueAt", text("dueAt", v))),
                value(node, "remindAt", v -> instant("remindAt", text("remindAt", v))),
                value(node, "tags", TaskRequests::tags),
                value(node, "recurrence", v -> RecurrenceRule.parse(text("recurrence", v))));
    }

    /** A JSON Merge Patch (RFC 7396) body: absent keeps, null clears, a value sets. */
    TaskChanges changes(String body) {
        JsonNode node = object(body, PATCHABLE);
        return new TaskChanges(
                patch(node, "title", v -> text("title", v)),
                patch(node, "description", v -> text("description", v)),
                patch(node, "priority", v -> Priority.parse("priority", text("priority", v))),
                patch(node, "status", v -> TaskStatus.parse("status", text("status", v))),
                patch(node, "dueAt", v -> instant("dueAt", text("dueAt", v))),
                patch(node, "remindAt", v -> instant("remindAt", text("remindAt", v))),
                patch(node, "tags", TaskRequests::tags),
                patch(node, "recurrence", v -> RecurrenceRule.parse(text("recurrence", v))));
    }

    /** Parses a JSON object whose keys must all be in {@code allowed}: unknown fields are refused, never dropped. */
    private JsonNode object(String body, Set<String> allowed) {
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedBodyException("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedBodyException("the body must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!allowed.contains(e.getKey())) {
                throw new MalformedBodyException("Unknown property [" + e.getKey() + "]; allowed: " + allowed);
            }
        }
        return node;
    }

    private static <T> T value(JsonNode body, String field, Function<JsonNode, T> read) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : read.apply(value);
    }

    private static <T> Patch<T> patch(JsonNode body, String field, Function<JsonNode, T> read) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Patch.keep();
        }
        return value.isNull() ? Patch.clear() : Patch.set(read.apply(value));
    }

    private static String text(String field, JsonNode value) {
        if (!value.isString()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.getStringValue();
    }

    private static List<String> tags(JsonNode value) {
        if (!value.isArray()) {
            throw new InvalidInputException("tags", "must be an array of strings");
        }
        var tags = new ArrayList<String>();
        for (JsonNode tag : value.values()) {
            tags.add(text("tags", tag));
        }
        return tags;
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2030-01-31T09:00:00Z");
        }
    }

    static UUID id(String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "must be a UUID");
        }
    }

    /**
     * The version an {@code If-Match} header names ({@code "3"} or {@code W/"3"}); null when absent or {@code *}.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            if (!tag.startsWith("\"") || !tag.endsWith("\"") || tag.length() < 3) {
                throw new NumberFormatException();
            }
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be an entity tag returned by this API, such as \"3\"");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
