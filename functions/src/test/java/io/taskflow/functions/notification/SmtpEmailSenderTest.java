package io.taskflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.taskflow.core.notification.EmailMessage;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.functions.testing.TestContexts;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpEmailSenderTest {
    private static final EmailMessage MAIL = new EmailMessage("ada@example.com", "[Taskflow] Hi", "Grüße, Ada\n");

    @Test
    void aMessageReachesTheServerWithItsSubjectAndUtf8Text() {
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            var sender = new SmtpEmailSender(settings(smtp.getSmtp().getPort()));

            assertThat(sender.send(MAIL)).isEqualTo(SendOutcome.sent());

            var received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(GreenMailUtil.getBody(received[0])).contains("Gr");
            assertThat(received[0].getSubject()).isEqualTo("[Taskflow] Hi");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aServerThatIsNotThereIsAFailureToRetryNotAnException() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        var outcome = new SmtpEmailSender(settings(closedPort)).send(MAIL);

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).error()).doesNotContain("secret-password");
    }

    @Test
    void withoutAHostEmailIsSkipped() {
        var none = new SmtpSettings("", 587, "", "", "taskflow@localhost", true, Duration.ofSeconds(1));

        assertThat(new SmtpEmailSender(none).send(MAIL)).isEqualTo(new SendOutcome.Skipped("smtp not configured"));
    }

    @Test
    void theSettingsComeFromTheTaskflowSmtpVariablesAndHideThePassword() {
        System.setProperty("TASKFLOW_SMTP_HOST", "mail.example.com");
        System.setProperty("TASKFLOW_SMTP_PASSWORD", "secret-password");
        try (ApplicationContext context = TestContexts.start(Map.of())) {
            var settings = context.getBean(SmtpSettings.class);

            assertThat(settings.host()).isEqualTo("mail.example.com");
            assertThat(settings.password()).isEqualTo("secret-password");
            assertThat(settings.port()).isEqualTo(587);
            assertThat(settings.starttls()).isTrue();
            assertThat(settings.toString()).doesNotContain("secret-password");
        } finally {
            System.clearProperty("TASKFLOW_SMTP_HOST");
            System.clearProperty("TASKFLOW_SMTP_PASSWORD");
        }
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings(
                "127.0.0.1", port, "", "secret-password", "taskflow@test.example", false, Duration.ofSeconds(2));
    }
}
