package io.taskflow.core.port;

import io.taskflow.core.user.User;
import java.util.Optional;

public interface UserStore {

    Optional<User> findByEmail(String email);

    /** @throws io.taskflow.core.error.ConflictException when the e-mail is registered already */
    void insert(User user);
}
