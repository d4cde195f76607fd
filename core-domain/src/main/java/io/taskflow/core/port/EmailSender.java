package io.taskflow.core.port;

import io.taskflow.core.notification.EmailMessage;
import io.taskflow.core.notification.SendOutcome;

/** Sends e-mail. Answers with an outcome rather than throwing; it must never log the message's text. */
public interface EmailSender {

    SendOutcome send(EmailMessage message);
}
