package io.taskflow.core.notification;

/** One delivery attempted now, and what became of it. */
public record DeliveryOutcome(Delivery delivery, SendOutcome outcome) {

    public boolean failed() {
        return outcome instanceof SendOutcome.Failed;
    }

    public boolean sent() {
        return outcome instanceof SendOutcome.Sent;
    }
}
