package io.taskflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An audit entry as the API shows it: every field the hash covers, so a client can recompute it, with the event's data
 * as a JSON object.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditResponse(
        long seq,
        UUID eventId,
        String type,
        UUID subject,
        UUID userId,
        Instant occurredAt,
        Instant recordedAt,
        String source,
        JsonNode data,
        String prevHash,
        String hash) {

    static AuditResponse of(AuditEntry e, JsonMapper json) {
        var r = e.record();
        return new AuditResponse(
                e.seq(),
                r.eventId(),
                r.type(),
                r.subject(),
                r.userId(),
                r.occurredAt(),
                r.recordedAt(),
                r.source(),
                parse(json, r.data()),
                e.prevHash(),
                e.hash());
    }

    private static JsonNode parse(JsonMapper json, String data) {
        try {
            return json.readValue(data, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("audit data is not JSON", e);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<AuditResponse> items, String nextCursor) {}

    /**
     * The outcome of walking the chain.
     *
     * @param entries how many entries were checked (the head's sequence number); null when the chain is broken
     * @param brokenAt the first entry whose link does not hold; null when the chain is intact
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Verification(boolean ok, Long entries, String headHash, Long brokenAt, String reason) {}
}
