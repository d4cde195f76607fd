package io.taskflow.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.error.ConflictException;
import io.taskflow.core.event.UserRegistered;
import io.taskflow.core.testing.InMemoryCore;
import org.junit.jupiter.api.Test;

class RegisterUserTest {
    private static final String PASSWORD = "correct horse battery";

    private final InMemoryCore core = new InMemoryCore();

    @Test
    void registeringStoresTheUserWithTheHashedPasswordNotThePasswordItself() {
        User user = core.registerUser().register(new Registration("ann@example.com", PASSWORD, "Ann"));

        assertThat(user.passwordHash()).isEqualTo(core.hasher().hash(PASSWORD)).isNotEqualTo(PASSWORD);
        assertThat(user.email()).isEqualTo("ann@example.com");
        assertThat(user.displayName()).isEqualTo("Ann");
        assertThat(user.version()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(core.clock().now());
        assertThat(core.users().findByEmail("ann@example.com")).contains(user);
    }

    @Test
    void registeringAppendsOneUserRegisteredForTheNewUser() {
        User user = core.registerUser().register(new Registration("ann@example.com", PASSWORD, "Ann"));

        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(UserRegistered.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(user.id());
            assertThat(e.actorId()).isEqualTo(user.id());
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.occurredAt()).isEqualTo(user.createdAt());
            assertThat(e.user()).isEqualTo(user);
        });
    }

    @Test
    void registeringAnE_mailTwiceIsAConflictAndKeepsTheFirstAccount() {
        User first = core.registerUser().register(new Registration("ann@example.com", PASSWORD, "Ann"));

        assertThatThrownBy(() ->
                        core.registerUser().register(new Registration("ann@example.com", "other password", "Impostor")))
                .isInstanceOf(ConflictException.class);

        assertThat(core.users().all()).containsExactly(first);
        assertThat(core.outbox().eventsOf(UserRegistered.class)).hasSize(1);
    }

    @Test
    void registeringTheSameE_mailInAnotherCaseIsAConflict() {
        core.registerUser().register(new Registration("Ann@Example.com", PASSWORD, "Ann"));

        assertThatThrownBy(() -> core.registerUser().register(new Registration("  ANN@example.COM ", PASSWORD, "Ann")))
                .isInstanceOf(ConflictException.class);

        assertThat(core.users().all()).singleElement().extracting(User::email).isEqualTo("ann@example.com");
    }

    @Test
    void givenTheOutboxFailsRegisteringStoresNoUser() {
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> core.registerUser().register(new Registration("ann@example.com", PASSWORD, "Ann")))
                .hasMessage("outbox down");

        assertThat(core.users().all()).isEmpty();
        assertThat(core.users().findByEmail("ann@example.com")).isEmpty();
    }
}
