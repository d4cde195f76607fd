package io.taskflow.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's arithmetic: {@code hash = SHA-256(canonical(seq, prevHash, record))}, written as 64 lower-case hex digits.
 *
 * <p>The canonical encoding starts with a version tag and writes each field as a 4-byte big-endian length followed by
 * its UTF-8 bytes, in a fixed order. Lengths make it unambiguous (no field can borrow characters from its neighbour),
 * and every value is text whose form does not depend on a database or a JSON writer: numbers in decimal, ids in
 * canonical UUID form, instants as ISO-8601 in UTC with microseconds at most ({@link Instant#toString()}).
 */
public final class AuditChain {
    static final String ENCODING_VERSION = "taskflow-audit-v1";

    private AuditChain() {}

    /** The entry that follows {@code head}. */
    public static AuditEntry next(ChainHead head, AuditRecord record) {
        long seq = head.seq() + 1;
        return new AuditEntry(seq, record, head.hash(), hash(seq, head.hash(), record));
    }

    public static String hash(long seq, String prevHash, AuditRecord record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(seq, prevHash, record));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True when the entry's hash is the one its content gives. */
    public static boolean sealed(AuditEntry entry) {
        return hash(entry.seq(), entry.prevHash(), entry.record()).equals(entry.hash());
    }

    static byte[] canonical(long seq, String prevHash, AuditRecord r) {
        var out = new ByteArrayOutputStream(256 + r.data().length());
        for (String field : new String[] {
            ENCODING_VERSION,
            Long.toString(seq),
            prevHash,
            r.eventId().toString(),
            r.type(),
            r.subject().toString(),
            r.userId().toString(),
            r.occurredAt().toString(),
            r.recordedAt().toString(),
            r.source(),
            r.data()
        }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
