package io.taskflow.core.event;

import io.taskflow.core.user.User;
import java.util.UUID;

/** An event about a user, who is both its aggregate and its actor. */
public sealed interface UserEvent extends DomainEvent permits UserRegistered, UserAuthenticated {

    User user();

    @Override
    default UUID actorId() {
        return user().id();
    }

    @Override
    default UUID aggregateId() {
        return user().id();
    }

    @Override
    default long version() {
        return user().version();
    }
}
