package io.taskflow.functions.http;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.notification.PreferencesChange;
import io.taskflow.core.notification.QuietHours;
import io.taskflow.core.notification.WebhookTarget;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the body of {@code PUT /me/preferences}: a full replacement, unknown fields refused at every level. An absent
 * or null field takes its default (no quiet hours, no webhook, no digest).
 */
@Singleton
final class PreferencesRequests {
    private static final Set<String> FIELDS = Set.of("events", "channels", "quietHours", "webhook", "digest");
    private static final Set<String> QUIET_FIELDS = Set.of("start", "end", "timeZone");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("url");

    private final JsonMapper json;

    PreferencesRequests(JsonMapper json) {
        this.json = json;
    }

    PreferencesChange change(String body) {
        JsonNode node = parse(body);
        requireObject(node, "the body", FIELDS);
        return new PreferencesChange(
                list(node, "events", NotificationPreferences::parseEvent),
                list(node, "channels", Channel::parse),
                quietHours(node.get("quietHours")),
                webhookUrl(node.get("webhook")),
                digest(node.get("digest")));
    }

    private JsonNode parse(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedBodyException("the body is not valid JSON");
        }
    }

    private static void requireObject(JsonNode node, String what, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new MalformedBodyException(what + " must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!allowed.contains(e.getKey())) {
                throw new MalformedBodyException("Unknown property [" + e.getKey() + "] in " + what + "; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static <T> Set<T> list(JsonNode body, String field, BiFunction<String, String, T> parse) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, "must be an array of strings");
        }
        var parsed = new LinkedHashSet<T>();
        int i = 0;
        for (JsonNode item : value.values()) {
            String itemField = field + "[" + i++ + "]";
            parsed.add(parse.apply(itemField, text(itemField, item)));
        }
        return parsed;
    }

    private static QuietHours quietHours(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        requireObject(value, "quietHours", QUIET_FIELDS);
        return QuietHours.parse(
                optionalText("quietHours.start", value.get("start")),
                optionalText("quietHours.end", value.get("end")),
                optionalText("quietHours.timeZone", value.get("timeZone")));
    }

    private static URI webhookUrl(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        requireObject(value, "webhook", WEBHOOK_FIELDS);
        String url = optionalText("webhook.url", value.get("url"));
        if (url == null) {
            throw new InvalidInputException("webhook.url", "is required in webhook");
        }
        return WebhookTarget.parseUrl(url);
    }

    private static boolean digest(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException("digest", "must be true or false");
        }
        return value.getBooleanValue();
    }

    private static String optionalText(String field, JsonNode value) {
        return value == null || value.isNull() ? null : text(field, value);
    }

    private static String text(String field, JsonNode value) {
        if (!value.isString()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.getStringValue();
    }
}
