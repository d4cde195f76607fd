package io.taskflow.core.port;

import io.taskflow.core.user.User;
import java.time.Duration;

public interface TokenIssuer {

    IssuedToken issue(User user);

    record IssuedToken(String value, Duration expiresIn) {}
}
