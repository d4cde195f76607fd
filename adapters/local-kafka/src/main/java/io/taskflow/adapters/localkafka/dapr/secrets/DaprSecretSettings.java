package io.taskflow.adapters.localkafka.dapr.secrets;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.NonNull;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.Secrets;
import io.taskflow.functions.notification.SmtpSettings;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * The SMTP password from the secret store ({@code smtp-password}) when the configuration gives none, so it never has
 * to sit in an environment variable of the deployment.
 */
@Singleton
@DaprRuntime
class DaprSecretSettings implements BeanCreatedEventListener<SmtpSettings> {
    static final String SMTP_PASSWORD = "smtp-password";

    private final Provider<Secrets> secrets;

    DaprSecretSettings(Provider<Secrets> secrets) {
        this.secrets = secrets;
    }

    @Override
    public SmtpSettings onCreated(@NonNull BeanCreatedEvent<SmtpSettings> event) {
        SmtpSettings smtp = event.getBean();
        if (!smtp.configured() || (smtp.password() != null && !smtp.password().isBlank())) {
            return smtp;
        }
        return secrets.get()
                .find(SMTP_PASSWORD)
                .map(password -> new SmtpSettings(
                        smtp.host(),
                        smtp.port(),
                        smtp.username(),
                        password,
                        smtp.from(),
                        smtp.starttls(),
                        smtp.timeout()))
                .orElse(smtp);
    }
}
