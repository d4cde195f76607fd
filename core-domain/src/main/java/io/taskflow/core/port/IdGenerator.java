package io.taskflow.core.port;

import java.util.UUID;

public interface IdGenerator {

    UUID newId();
}
