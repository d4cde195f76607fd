package io.taskflow.core.port;

import io.taskflow.core.notification.Contact;
import java.util.Optional;
import java.util.UUID;

/** Looks up how to reach a user. */
public interface UserContacts {

    Optional<Contact> find(UUID userId);
}
