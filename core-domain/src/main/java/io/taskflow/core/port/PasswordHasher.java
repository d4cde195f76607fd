package io.taskflow.core.port;

public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
