package io.taskflow.functions.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps dead letters in memory; can be told to refuse them, as a dead-letter topic that is down would. */
public final class RecordingDeadLetters implements DeadLetters {
    public final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public void send(DeadLetter deadLetter) {
        if (down) {
            throw new IllegalStateException("dead-letter store is down");
        }
        letters.add(deadLetter);
    }
}
