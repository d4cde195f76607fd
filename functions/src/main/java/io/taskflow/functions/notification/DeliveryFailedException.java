package io.taskflow.functions.notification;

import io.taskflow.core.notification.DeliveryOutcome;
import io.taskflow.core.notification.SendOutcome;
import java.util.List;
import java.util.stream.Collectors;

/** Some deliveries of an event failed: thrown so that the event is delivered again and they are retried. */
public final class DeliveryFailedException extends RuntimeException {
    DeliveryFailedException(List<DeliveryOutcome> failed) {
        super(failed.stream()
                .map(o -> o.delivery().channel().wireName() + " delivery "
                        + o.delivery().id() + ": " + ((SendOutcome.Failed) o.outcome()).error())
                .collect(Collectors.joining("; ")));
    }
}
