package io.taskflow.core.port;

import io.taskflow.core.notification.SendOutcome;
import io.taskflow.core.notification.WebhookMessage;

/** Signs and posts webhooks. A 2xx answer is sent; anything else, or no answer, is failed. */
public interface WebhookSender {

    SendOutcome send(WebhookMessage message);
}
