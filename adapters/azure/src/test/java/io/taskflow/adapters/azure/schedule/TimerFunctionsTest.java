package io.taskflow.adapters.azure.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.adapters.azure.replay.Replay;
import io.taskflow.adapters.azure.testing.Api;
import io.taskflow.adapters.azure.testing.AzureTestStack;
import io.taskflow.adapters.azure.testing.Bindings;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimerFunctionsTest {
    private static AzureTestStack stack;

    @BeforeAll
    static void start() {
        stack = AzureTestStack.get();
    }

    @Test
    void whatAnInvocationCouldNotPublishStaysInTheOutboxAndTheSweepTimerRelaysIt() throws Exception {
        String token = Api.newUser();
        stack.sender().refuse("task.created");
        String task;
        try {
            task = Api.createTask(token, "published late");
        } finally {
            stack.sender().accept("task.created");
        }
        int waiting = pending(task);

        String answer = Replay.invoke(
                new TimerFunctions(),
                Bindings.write(Map.of("function", "outbox-sweep", "timer", Bindings.fixture("timer-info.json"))));

        assertThat(waiting).isEqualTo(1);
        assertThat(answer).isEqualTo("ok");
        assertThat(pending(task)).isZero();
        assertThat(stack.sender()
                        .sends(s -> task.equals(s.partitionKey()) && s.hub().equals("task.created")))
                .hasSize(1);
    }

    @Test
    void eachTimerRunsItsJobThroughItsFunction() throws Exception {
        var timers = new TimerFunctions();
        for (String job : new String[] {"reminders", "digest", "cleanup"}) {
            assertThat(Replay.invoke(timers, Bindings.write(Map.of("function", job))))
                    .as(job)
                    .isEqualTo("ok");
        }
    }

    @Test
    void aJobThatIsNotOneOfTheFourIsRefusedByName() {
        assertThatThrownBy(() -> new TimerFunctions().run("backup", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no timer job named backup");
    }

    @Test
    void theTimersJsonSaysWhetherTheRunIsLate() {
        assertThat(TimerInfo.read(Bindings.fixture("timer-info.json")).pastDue())
                .isTrue();
        assertThat(TimerInfo.read("{\"IsPastDue\":false}").pastDue()).isFalse();
        assertThat(TimerInfo.read(null).pastDue()).isFalse();
    }

    private static int pending(String task) throws Exception {
        return stack.count("SELECT COUNT(*) FROM outbox WHERE subject = ? AND published_at IS NULL", task);
    }
}
