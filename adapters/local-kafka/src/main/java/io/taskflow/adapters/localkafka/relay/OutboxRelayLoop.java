package io.taskflow.adapters.localkafka.relay;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.taskflow.functions.outbox.EnvelopePublisher;
import io.taskflow.functions.outbox.OutboxAppended;
import io.taskflow.functions.outbox.OutboxRelay;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container runtime's relay: one background thread that publishes the outbox as soon as a transaction that
 * appended to it commits, polls as a safety net (rows written by another instance, or left by a crash), and backs off
 * while the broker is unreachable.
 */
@Context
public class OutboxRelayLoop {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final EnvelopePublisher publisher;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean prepared;

    public OutboxRelayLoop(
            OutboxRelay relay,
            EnvelopePublisher publisher,
            @Value("${taskflow.outbox.poll-interval:1s}") Duration pollInterval) {
        this.relay = relay;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        // The first round runs at once: it prepares the broker (topics) and sends what a previous run left.
        wake.release();
        this.thread = new Thread(this::run, "outbox-relay");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended appended) {
        wake.release();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!wake.tryAcquire(
                                backoff.isZero() ? pollInterval.toMillis() : backoff.toMillis(), TimeUnit.MILLISECONDS)
                        && !running) {
                    return;
                }
                wake.drainPermits();
                backoff = drain() ? Duration.ZERO : nextBackoff(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return true when everything went out, false when the broker refused something or could not be reached */
    private boolean drain() {
        try {
            if (!prepared) {
                publisher.prepare();
                prepared = true;
            }
            OutboxRelay.Result r;
            do {
                r = relay.relayBatch();
            } while (running && r.more() && r.failed() == 0);
            return r.failed() == 0;
        } catch (RuntimeException e) {
            LOG.warn("outbox relay failed, will retry: {}", e.toString());
            return false;
        }
    }

    private static Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        wake.release();
        thread.join(10_000);
    }
}
