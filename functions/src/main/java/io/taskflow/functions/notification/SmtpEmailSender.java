package io.taskflow.functions.notification;

import io.taskflow.core.notification.EmailMessage;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.core.port.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Plain-text e-mail over SMTP (Jakarta Mail). Never logs a message's text, nor the password. */
@Singleton
public class SmtpEmailSender implements EmailSender {
    public static final String NOT_CONFIGURED = "smtp not configured";

    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = settings.configured() ? Session.getInstance(properties(settings)) : null;
    }

    @Override
    public SendOutcome send(EmailMessage message) {
        if (session == null) {
            return new SendOutcome.Skipped(NOT_CONFIGURED);
        }
        MimeMessage mime;
        try {
            mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(settings.from(), true));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        } catch (AddressException e) {
            return new SendOutcome.Skipped("invalid e-mail address: " + e.getMessage());
        } catch (MessagingException e) {
            return new SendOutcome.Failed(describe(e));
        }
        try {
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            if (settings.authenticates()) {
                Transport.send(mime, settings.username(), settings.password());
            } else {
                Transport.send(mime);
            }
            return SendOutcome.sent();
        } catch (MessagingException e) {
            return new SendOutcome.Failed(describe(e));
        }
    }

    private static Properties properties(SmtpSettings s) {
        var p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(s.starttls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(s.starttls()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        return p;
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
