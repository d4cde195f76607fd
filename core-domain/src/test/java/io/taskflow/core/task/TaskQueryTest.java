package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskQueryTest {
    private static final UUID OWNER = UUID.randomUUID();

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
    void aLimitOutsideOneTo100IsRefused(int limit) {
        assertInvalidInput("limit", () -> withLimit(limit));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, TaskQuery.DEFAULT_LIMIT, 100})
    void aLimitFromOneTo100IsAccepted(int limit) {
        assertThat(withLimit(limit).limit()).isEqualTo(limit);
    }

    @Test
    void aSearchTextOver200CharactersIsRefusedAsQ() {
        assertThat(withText("q".repeat(200)).text()).hasSize(200);
        assertInvalidInput("q", () -> withText("q".repeat(201)));
    }

    @Test
    void aBlankSearchTextMeansNoTextFilterAndOtherTextIsStripped() {
        assertThat(withText("   ").text()).isNull();
        assertThat(withText(" report ").text()).isEqualTo("report");
    }

    @Test
    void aTagFilterOver40CharactersIsRefused() {
        assertInvalidInput("tag", () -> new TaskQuery(OWNER, null, null, "t".repeat(41), null, null, 20, null));
    }

    private static TaskQuery withLimit(int limit) {
        return new TaskQuery(OWNER, null, null, null, null, null, limit, null);
    }

    private static TaskQuery withText(String text) {
        return new TaskQuery(OWNER, null, null, null, null, text, 20, null);
    }
}
