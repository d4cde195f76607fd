package io.taskflow.adapters.localkafka.observability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what goes to stdout — where the application's logs go — while still passing it on, so a test can read
 * exactly the lines a log collector would.
 */
final class LogOutput implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogOutput() {}

    static LogOutput capture() {
        var output = new LogOutput();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (output.captured) {
                    output.captured.write(b);
                }
                output.original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (output.captured) {
                    output.captured.write(b, off, len);
                }
                output.original.write(b, off, len);
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
        return output;
    }

    String text() {
        System.out.flush();
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    List<String> lines() {
        return text().lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }
}
