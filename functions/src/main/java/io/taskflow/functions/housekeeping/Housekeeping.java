package io.taskflow.functions.housekeeping;

import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clean-up job: runs every {@link RetentionRule} with one "now", one after the other. A rule that fails is
 * logged and left out of the result; the others still run, and the failed one is tried again next time.
 */
@Singleton
public class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final List<RetentionRule> rules;
    private final TimeSource time;

    Housekeeping(List<RetentionRule> rules, TimeSource time) {
        this.rules =
                rules.stream().sorted(Comparator.comparing(RetentionRule::name)).toList();
        this.time = time;
    }

    /** Rows deleted per rule name, for the rules that succeeded, in name order. */
    public Map<String, Integer> run() {
        Instant now = time.now();
        var purged = new LinkedHashMap<String, Integer>();
        for (RetentionRule rule : rules) {
            try {
                int count = rule.purge(now);
                purged.put(rule.name(), count);
                LOG.info("clean-up {}: {} row(s) deleted", rule.name(), count);
            } catch (RuntimeException e) {
                LOG.error("clean-up {} failed, will try again next run: {}", rule.name(), e.toString());
            }
        }
        return Collections.unmodifiableMap(purged);
    }
}
