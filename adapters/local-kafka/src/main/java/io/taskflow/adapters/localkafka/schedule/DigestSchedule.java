package io.taskflow.adapters.localkafka.schedule;

import io.micronaut.scheduling.annotation.Scheduled;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.notification.DailyDigest;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily digest of the current UTC day, by default at 07:00 UTC. Every instance runs it; the digest claims
 * each (user, day) first, so each user still gets one.
 */
@KafkaRuntime
@Singleton
public class DigestSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);

    private final DailyDigest digest;
    private final TimeSource time;

    public DigestSchedule(DailyDigest digest, TimeSource time) {
        this.digest = digest;
        this.time = time;
    }

    @Scheduled(cron = "${taskflow.digest.cron:0 0 7 * * *}", zoneId = "UTC")
    void run() {
        LocalDate today = time.now().atOffset(ZoneOffset.UTC).toLocalDate();
        try {
            digest.run(today);
        } catch (RuntimeException e) {
            // Logged here, not lost in the scheduler: the next day's run is unaffected.
            LOG.error("daily digest of {} failed: {}", today, e.toString());
        }
    }
}
