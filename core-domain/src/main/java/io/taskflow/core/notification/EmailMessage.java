package io.taskflow.core.notification;

import java.util.Objects;

/** A plain-text e-mail to one address. Its text never appears in logs: {@link #toString()} leaves it out. */
public record EmailMessage(String to, String subject, String body) {
    public static final String SUBJECT_PREFIX = "[Taskflow] ";

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to + ", subject=(" + subject.length() + " chars), body=(" + body.length()
                + " chars)]";
    }
}
