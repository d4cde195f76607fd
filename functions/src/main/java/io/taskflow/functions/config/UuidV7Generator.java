package io.taskflow.functions.config;

import io.taskflow.core.port.IdGenerator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new rows land at the end of primary-key indexes instead of at random
 * pages, which keeps inserts cheap as tables grow.
 */
@Singleton
final class UuidV7Generator implements IdGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
