package io.taskflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.PreferencesChange;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.TestContexts;
import jakarta.mail.Address;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyDigestTest {
    private static final LocalDate DAY = LocalDate.parse("2030-01-15");

    private GreenMail smtp;
    private ApplicationContext context;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        context = TestContexts.start(Map.of(
                "taskflow.smtp.host",
                "127.0.0.1",
                "taskflow.smtp.port",
                smtp.getSmtp().getPort(),
                "taskflow.smtp.starttls",
                false));
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
    }

    @AfterEach
    void stop() {
        context.close();
        smtp.stop();
    }

    @Test
    void twoInstancesRunningTheSameDayConcurrentlySendEachSubscriberExactlyOneDigest() throws Exception {
        UUID ada = subscriber("ada@example.com", true);
        UUID bob = subscriber("bob@example.com", true);
        UUID eve = subscriber("eve@example.com", false);
        for (UUID user : List.of(ada, bob, eve)) {
            task(user, "due today", "2030-01-15T16:00:00Z");
            task(user, "overdue", "2030-01-10T09:00:00Z");
        }
        var digest = context.getBean(DailyDigest.class);

        int concurrent = runTogether(() -> digest.run(DAY), () -> digest.run(DAY));
        int later = digest.run(DAY);

        assertThat(concurrent).isEqualTo(2);
        assertThat(later).isZero();
        var mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(m -> recipient(m)))
                .containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
        assertThat(mails[0].getSubject()).isEqualTo("[Taskflow] Your tasks for 2030-01-15: 1 due, 1 overdue");
        assertThat(outcomes()).containsExactlyInAnyOrder("sent", "sent");
    }

    @Test
    void theNextDayHasADigestOfItsOwn() {
        UUID ada = subscriber("ada@example.com", true);
        task(ada, "overdue", "2030-01-10T09:00:00Z");
        var digest = context.getBean(DailyDigest.class);

        assertThat(digest.run(DAY)).isEqualTo(1);
        assertThat(digest.run(DAY.plusDays(1))).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private UUID subscriber(String email, boolean digest) {
        UUID id = UUID.randomUUID();
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO users (id, email, display_name, password_hash, version, created_at)"
                        + " VALUES (?, ?, 'Someone', 'x', 1, CURRENT_TIMESTAMP)",
                ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, email);
                    return ps.executeUpdate();
                }));
        context.getBean(ManagePreferences.class).replace(id, new PreferencesChange(null, null, null, null, digest));
        return id;
    }

    private void task(UUID owner, String title, String dueAt) {
        context.getBean(CreateTask.class)
                .create(owner, TaskFixtures.details().title(title).dueAt(dueAt).build());
    }

    private List<String> outcomes() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT outcome FROM digests", ps -> {
            var values = new java.util.ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }

    private static String recipient(jakarta.mail.internet.MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static int runTogether(Callable<Integer>... runs) throws Exception {
        var pool = Executors.newFixedThreadPool(runs.length);
        var start = new CountDownLatch(1);
        try {
            var futures = new java.util.ArrayList<Future<Integer>>();
            for (Callable<Integer> run : runs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
