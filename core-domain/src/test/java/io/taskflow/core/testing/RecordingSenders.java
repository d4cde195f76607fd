package io.taskflow.core.testing;

import io.taskflow.core.notification.EmailMessage;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.core.notification.WebhookMessage;
import io.taskflow.core.port.EmailSender;
import io.taskflow.core.port.WebhookSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** E-mail and webhook senders that record every attempt and answer with scripted outcomes (sent by default). */
public final class RecordingSenders {
    private RecordingSenders() {}

    public static final class Email implements EmailSender {
        public final List<EmailMessage> attempts = new ArrayList<>();
        private final Deque<SendOutcome> script = new ArrayDeque<>();

        /** The next attempts answer these, in order; then {@code sent} again. */
        public Email answer(SendOutcome... outcomes) {
            script.addAll(List.of(outcomes));
            return this;
        }

        @Override
        public SendOutcome send(EmailMessage message) {
            attempts.add(message);
            return script.isEmpty() ? SendOutcome.sent() : script.poll();
        }
    }

    public static final class Webhook implements WebhookSender {
        public final List<WebhookMessage> attempts = new ArrayList<>();
        private final Deque<SendOutcome> script = new ArrayDeque<>();
        private RuntimeException throwing;

        public Webhook answer(SendOutcome... outcomes) {
            script.addAll(List.of(outcomes));
            return this;
        }

        /** Every attempt throws this instead of answering, as a sender with a bug would. */
        public Webhook throwing(RuntimeException e) {
            this.throwing = e;
            return this;
        }

        @Override
        public SendOutcome send(WebhookMessage message) {
            attempts.add(message);
            if (throwing != null) {
                throw throwing;
            }
            return script.isEmpty() ? SendOutcome.sent() : script.poll();
        }
    }
}
