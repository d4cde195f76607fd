package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what a function invocation wrote to the outbox before the invocation returns: a serverless platform may
 * freeze or throttle the instance as soon as it answers, so no background thread can be trusted to do it later. A
 * commit that appended events raises a flag; each cloud adapter's handler calls {@link #flush} on its way out. If the
 * broker refuses or cannot be reached, the rows stay in the outbox for the scheduled sweep: the answer is not failed
 * for it. The container runtime does not call it: its relay loop polls instead. Without a relay (no publisher, as in
 * some tests) there is nothing to flush, and no flush.
 */
@Singleton
@Requires(beans = OutboxRelay.class)
public class InvocationFlush {
    private static final Logger LOG = LoggerFactory.getLogger(InvocationFlush.class);

    private final OutboxRelay relay;
    private final AtomicBoolean appended = new AtomicBoolean();

    InvocationFlush(OutboxRelay relay) {
        this.relay = relay;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended event) {
        appended.set(true);
    }

    /** @return how many events were published; 0 when the invocation committed none */
    public int flush() {
        if (!appended.getAndSet(false)) {
            return 0;
        }
        try {
            return relay.drain();
        } catch (RuntimeException e) {
            LOG.warn("publishing after commit failed; the outbox sweep will relay the rest: {}", e.toString());
            return 0;
        }
    }
}
