package io.taskflow.functions.notification;

import java.time.Duration;

/**
 * Where e-mail goes, from {@code taskflow.smtp.*} (the {@code TASKFLOW_SMTP_*} variables). No host means e-mail is
 * not configured: deliveries are recorded as skipped.
 *
 * @param starttls require STARTTLS before authenticating and sending
 * @param timeout for connecting, reading and writing
 */
public record SmtpSettings(
        String host, int port, String username, String password, String from, boolean starttls, Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password=(hidden), from="
                + from + ", starttls=" + starttls + ", timeout=" + timeout + "]";
    }
}
