package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.notification.Contact;
import io.taskflow.core.port.UserContacts;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

@Singleton
@Transactional(readOnly = true)
class JdbcUserContacts implements UserContacts {
    private final JdbcOperations jdbc;

    JdbcUserContacts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Contact> find(UUID userId) {
        return jdbc.prepareStatement("SELECT email, display_name FROM users WHERE id = ?", ps -> {
            ps.setObject(1, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Contact(userId, rs.getString("email"), rs.getString("display_name")))
                        : Optional.empty();
            }
        });
    }
}
