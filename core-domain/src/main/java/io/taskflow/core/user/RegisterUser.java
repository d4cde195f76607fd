package io.taskflow.core.user;

import io.taskflow.core.error.ConflictException;
import io.taskflow.core.event.UserRegistered;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.PasswordHasher;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.port.UserStore;

public final class RegisterUser {
    private final Transactions tx;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public RegisterUser(
            Transactions tx,
            UserStore users,
            PasswordHasher hasher,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        this.tx = tx;
        this.users = users;
        this.hasher = hasher;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    public User register(Registration registration) {
        // Hash outside the transaction: it is the slow part and needs no connection.
        String hash = hasher.hash(registration.password());
        return tx.inTransaction(() -> {
            if (users.findByEmail(registration.email()).isPresent()) {
                throw new ConflictException("e-mail is registered already");
            }
            var now = time.now();
            var user = new User(ids.newId(), registration.email(), registration.displayName(), hash, 1, now);
            users.insert(user);
            outbox.append(new UserRegistered(ids.newId(), now, user));
            return user;
        });
    }
}
