package io.taskflow.functions.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.persistence.IdempotencyRecords;
import io.taskflow.functions.persistence.IdempotencyRecords.Recorded;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a create: the first request's response is stored in the same transaction as the write,
 * a retry with the same key and body gets that response again (nothing is written twice), and the same key with
 * another body is refused. Two racing requests with one key meet at the key's primary key: the loser rolls back and
 * replays the winner's response.
 */
@Singleton
final class IdempotentCreate {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Transactions tx;
    private final IdempotencyRecords records;
    private final JsonMapper json;

    IdempotentCreate(Transactions tx, IdempotencyRecords records, JsonMapper json) {
        this.tx = tx;
        this.records = records;
        this.json = json;
    }

    /** A created resource: where it lives, its version tag, and its representation. */
    record Created(String location, String etag, Object body) {}

    HttpResponse<?> run(UUID ownerId, String key, String requestBody, Supplier<Created> create) {
        if (key == null) {
            Created c = create.get();
            return created(c);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(HEADER, "must be 1-255 visible ASCII characters");
        }
        String hash = sha256(requestBody);
        try {
            return tx.inTransaction(() -> {
                var earlier = records.find(ownerId, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), hash);
                }
                Created c = create.get();
                records.insert(ownerId, key, new Recorded(hash, 201, c.location(), c.etag(), write(c.body())));
                return created(c);
            });
        } catch (RuntimeException e) {
            if (!IdempotencyRecords.isDuplicateKey(e)) {
                throw e;
            }
            return replay(records.find(ownerId, key).orElseThrow(() -> e), hash);
        }
    }

    private static MutableHttpResponse<?> created(Created c) {
        return HttpResponse.status(HttpStatus.CREATED)
                .header("Location", c.location())
                .header("ETag", c.etag())
                .body(c.body());
    }

    private static MutableHttpResponse<?> replay(Recorded r, String hash) {
        if (!r.requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        return HttpResponse.status(HttpStatus.valueOf(r.status()))
                .header("Location", r.location())
                .header("ETag", r.etag())
                .header(REPLAYED, "true")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(r.body());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
