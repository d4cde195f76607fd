package io.taskflow.core.notification;

import static io.taskflow.core.notification.NotificationEvents.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.task.Task;
import io.taskflow.core.testing.NotificationFakes;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendDailyDigestTest {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final Instant CREATED = Instant.parse("2026-02-01T09:00:00Z");

    private final NotificationFakes fakes = new NotificationFakes();

    @BeforeEach
    void adaWantsTheDigest() {
        fakes.addContact(ADA, "ada@example.com");
        fakes.managePreferences().replace(ADA, new PreferencesChange(null, null, null, null, true));
    }

    @Test
    void theDigestListsOpenTasksDueThatDayAndOverdueOnesButNotCompletedOrLaterOnes() {
        task("due this morning", "2026-03-02T08:00:00Z", false);
        task("due tonight", "2026-03-02T23:59:00Z", false);
        task("overdue", "2026-02-27T17:00:00Z", false);
        task("done already", "2026-03-02T10:00:00Z", true);
        task("due tomorrow", "2026-03-03T00:00:00Z", false);
        task("no due date", null, false);

        var run = fakes.sendDailyDigest().run(DAY);

        assertThat(run.sent()).isEqualTo(1);
        assertThat(fakes.email().attempts).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ada@example.com");
            assertThat(mail.subject()).isEqualTo("[Taskflow] Your tasks for 2026-03-02: 2 due, 1 overdue");
            assertThat(mail.body())
                    .containsSubsequence("Due today (2)", "due this morning", "due tonight", "Overdue (1)", "overdue")
                    .doesNotContain("done already", "due tomorrow", "no due date");
        });
        assertThat(fakes.digestClaims().outcome(ADA, DAY)).isEqualTo("sent");
    }

    @Test
    void theDigestGoesOutOncePerUserAndDay() {
        task("overdue", "2026-02-27T17:00:00Z", false);

        var first = fakes.sendDailyDigest().run(DAY);
        var second = fakes.sendDailyDigest().run(DAY);
        var nextDay = fakes.sendDailyDigest().run(DAY.plusDays(1));

        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.sent()).isZero();
        assertThat(second.claimedElsewhere()).isEqualTo(1);
        assertThat(nextDay.sent()).isEqualTo(1);
        assertThat(fakes.email().attempts).hasSize(2);
    }

    @Test
    void usersWithoutTheDigestGetNone() {
        UUID bob = UUID.randomUUID();
        fakes.addContact(bob, "bob@example.com");
        fakes.managePreferences().replace(bob, new PreferencesChange(null, null, null, null, false));
        task("overdue", "2026-02-27T17:00:00Z", false);

        fakes.sendDailyDigest().run(DAY);

        assertThat(fakes.email().attempts).extracting(EmailMessage::to).containsExactly("ada@example.com");
    }

    @Test
    void aDayWithNothingDueIsSkippedAndClaimed() {
        var run = fakes.sendDailyDigest().run(DAY);

        assertThat(run.skipped()).isEqualTo(1);
        assertThat(fakes.email().attempts).isEmpty();
        assertThat(fakes.digestClaims().outcome(ADA, DAY)).isEqualTo("skipped: nothing due");
    }

    @Test
    void aFailedDigestIsRecordedAndNotRetriedThatDay() {
        task("overdue", "2026-02-27T17:00:00Z", false);
        fakes.email().answer(new SendOutcome.Failed("connection refused"));

        var first = fakes.sendDailyDigest().run(DAY);
        var second = fakes.sendDailyDigest().run(DAY);

        assertThat(first.failed()).isEqualTo(1);
        assertThat(second.sent()).isZero();
        assertThat(fakes.email().attempts).hasSize(1);
        assertThat(fakes.digestClaims().outcome(ADA, DAY)).isEqualTo("failed: connection refused");
    }

    @Test
    void manyTasksArePagedThroughAndTheListIsCut() {
        for (int i = 0; i < 130; i++) {
            task("t" + i, "2026-03-01T10:00:00Z", false);
        }

        fakes.sendDailyDigest().run(DAY);

        assertThat(fakes.email().attempts.get(0).subject()).endsWith("0 due, 130 overdue");
        assertThat(fakes.email().attempts.get(0).body()).contains("… and 80 more");
    }

    private void task(String title, String dueAt, boolean completed) {
        var details = TaskFixtures.details().title(title).dueAt(dueAt).build();
        var task = Task.create(fakes.ids().newId(), ADA, details, CREATED);
        fakes.tasks().insert(completed ? task.complete(CREATED) : task);
    }
}
