package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.testing.TaskFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDetailsTest {

    @Test
    void validDetailsKeepTheirValuesWithTheTitleStrippedAndPriorityDefaultingToMedium() {
        var details = TaskFixtures.details().title("  Pay rent \n").build();

        assertThat(details.title()).isEqualTo("Pay rent");
        assertThat(details.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(details.description()).isNull();
        assertThat(details.dueAt()).isNull();
        assertThat(details.remindAt()).isNull();
        assertThat(details.tags()).isEmpty();
        assertThat(details.recurrence()).isNull();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankTitleIsRefused(String title) {
        assertInvalidInput("title", () -> TaskFixtures.details().title(title).build());
    }

    @Test
    void aTitleOfTwoHundredCharactersIsAcceptedButOneMoreIsRefused() {
        assertThat(TaskFixtures.details()
                        .title(" " + "t".repeat(200) + " ")
                        .build()
                        .title())
                .hasSize(200);

        assertInvalidInput(
                "title", () -> TaskFixtures.details().title("t".repeat(201)).build());
    }

    @Test
    void aDescriptionOfFiveThousandCharactersIsAcceptedButOneMoreIsRefused() {
        assertThat(TaskFixtures.details().description("d".repeat(5_000)).build().description())
                .hasSize(5_000);

        assertInvalidInput(
                "description",
                () -> TaskFixtures.details().description("d".repeat(5_001)).build());
    }

    @Test
    void twentyTagsAreAcceptedButTwentyOneAreRefused() {
        assertThat(TaskFixtures.details().tags(tags(20)).build().tags()).hasSize(20);

        assertInvalidInput("tags", () -> TaskFixtures.details().tags(tags(21)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "a/b", "#hash", "semi;colon", "", "  ", "café!", "e-mail@home"})
    void aTagWithCharactersOutsideLettersDigitsAndUnderscoreDotColonDashIsRefused(String tag) {
        assertInvalidInput("tags", () -> TaskFixtures.details().tags("ok", tag).build());
    }

    @Test
    void aNullTagIsRefused() {
        assertInvalidInput(
                "tags",
                () -> TaskFixtures.details()
                        .tags(Collections.singletonList(null))
                        .build());
    }

    @Test
    void aTagOfFortyCharactersIsAcceptedButOneMoreIsRefused() {
        assertThat(TaskFixtures.details().tags("x".repeat(40)).build().tags()).containsExactly("x".repeat(40));

        assertInvalidInput(
                "tags", () -> TaskFixtures.details().tags("x".repeat(41)).build());
    }

    @Test
    void tagsOfUnicodeLettersDigitsAndPunctuationAllowedAreAccepted() {
        assertThat(TaskFixtures.details().tags("Über_2.0:beta-1", "日本").build().tags())
                .containsExactly("Über_2.0:beta-1", "日本");
    }

    @Test
    void duplicateTagsAreCollapsedAfterStrippingKeepingTheFirstOrder() {
        var details = TaskFixtures.details().tags("b", " a", "a", "b ", "c").build();

        assertThat(details.tags()).containsExactly("b", "a", "c");
    }

    @Test
    void tagsAreACopyTheCallerCannotChangeAfterwards() {
        var input = new ArrayList<>(List.of("a"));
        var details = TaskFixtures.details().tags(input).build();
        input.add("b");

        assertThat(details.tags()).containsExactly("a");
        assertThatThrownBy(() -> details.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReminderAfterTheDueDateIsRefused() {
        assertInvalidInput(
                "remindAt",
                () -> TaskFixtures.details()
                        .dueAt("2026-04-01T09:00:00Z")
                        .remindAt("2026-04-01T09:00:00.000001Z")
                        .build());
    }

    @Test
    void aReminderAtTheDueDateOrWithoutADueDateIsAccepted() {
        var atDue = TaskFixtures.details()
                .dueAt("2026-04-01T09:00:00Z")
                .remindAt("2026-04-01T09:00:00Z")
                .build();
        var noDue = TaskFixtures.details().remindAt("2026-04-01T09:00:00Z").build();

        assertThat(atDue.remindAt()).isEqualTo(atDue.dueAt());
        assertThat(noDue.remindAt()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1999-12-31T23:59:59.999999Z",
                "2100-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z",
                "2999-06-01T00:00:00Z"
            })
    void aDueDateOutsideTheYears2000To2100IsRefused(String dueAt) {
        assertInvalidInput("dueAt", () -> TaskFixtures.details().dueAt(dueAt).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z"})
    void aReminderOutsideTheYears2000To2100IsRefused(String remindAt) {
        assertInvalidInput(
                "remindAt", () -> TaskFixtures.details().remindAt(remindAt).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00Z", "2099-12-31T23:59:59.999999Z"})
    void datesAtTheEdgesOfTheWindowAreAccepted(String at) {
        var details = TaskFixtures.details().dueAt(at).remindAt(at).build();

        assertThat(details.dueAt()).isEqualTo(at);
    }

    private static List<String> tags(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "tag" + i).toList();
    }
}
