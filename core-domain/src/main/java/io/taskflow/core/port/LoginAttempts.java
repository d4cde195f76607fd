package io.taskflow.core.port;

import io.taskflow.core.user.LoginAttempt;

/** Failed-login records, shared by every instance so that brute force cannot be spread across them. */
public interface LoginAttempts {

    LoginAttempt find(String email);

    void save(LoginAttempt attempt);

    void clear(String email);
}
