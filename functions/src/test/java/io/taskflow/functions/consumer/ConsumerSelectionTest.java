package io.taskflow.functions.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsumerSelectionTest {

    @Test
    void allTheDefaultRunsEveryConsumer() {
        assertThat(ConsumerSelection.parse(null).runs("audit")).isTrue();
        assertThat(ConsumerSelection.parse(" ALL ").runs("live-feed")).isTrue();
    }

    @Test
    void noneRunsNoConsumer() {
        assertThat(ConsumerSelection.parse("none").runs("audit")).isFalse();
    }

    @Test
    void namedConsumersRunAndOthersDoNotWithOrWithoutDashes() {
        var selection = ConsumerSelection.parse("notifications, livefeed");

        assertThat(selection.runs("notifications")).isTrue();
        assertThat(selection.runs("live-feed")).isTrue();
        assertThat(selection.runs("audit")).isFalse();
    }

    @Test
    void aValueThatIsNoListOfNamesIsRefused() {
        assertThatThrownBy(() -> ConsumerSelection.parse("audit;analytics"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskflow.consumers.enabled");
    }
}
