package io.taskflow.functions.notification;

import io.taskflow.core.notification.SendDailyDigest;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily digest as a function every runtime's scheduler calls: once per UTC day, on any number of instances. */
@Singleton
public class DailyDigest {
    private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

    private final SendDailyDigest digest;

    DailyDigest(SendDailyDigest digest) {
        this.digest = digest;
    }

    /** @return how many digests this call sent */
    public int run(LocalDate day) {
        var run = digest.run(day);
        LOG.info(
                "daily digest {}: {} sent, {} skipped, {} failed, {} claimed by another run",
                day,
                run.sent(),
                run.skipped(),
                run.failed(),
                run.claimedElsewhere());
        return run.sent();
    }
}
