package io.taskflow.adapters.aws.msk;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.aws.function.JsonStreamHandler;
import io.taskflow.kafka.records.CloudEventRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The MSK trigger of one consumer: a batch of records in, the partial batch response out. Each consumer is its own
 * function (its own event source mappings, scaling and failures); the subclasses only name it.
 */
public abstract class MskConsumerHandler extends JsonStreamHandler<MskEvent, MskBatchResponse> {
    static final String PRIMING_EVENT = "/payloads/priming-msk.json";

    private final String consumer;
    private final MskDelivery delivery;

    protected MskConsumerHandler(ApplicationContext context, String consumer) {
        super(context, MskEvent.class);
        this.consumer = consumer;
        this.delivery = context.getBean(MskDelivery.class);
    }

    public String consumer() {
        return consumer;
    }

    @Override
    protected MskBatchResponse handle(MskEvent event, Context lambda) {
        return delivery.deliver(consumer, event);
    }

    /** Reads a sample batch down to envelopes, without delivering it: nothing is written. */
    @Override
    protected void prime() throws IOException {
        try (InputStream payload = MskConsumerHandler.class.getResourceAsStream(PRIMING_EVENT)) {
            if (payload == null) {
                throw new UncheckedIOException(new IOException("missing " + PRIMING_EVENT));
            }
            MskEvent event = json().readValue(payload.readAllBytes(), MskEvent.class);
            event.records().values().stream()
                    .flatMap(java.util.List::stream)
                    .forEach(record -> CloudEventRecords.envelope(record.toConsumerRecord()));
        }
    }
}
