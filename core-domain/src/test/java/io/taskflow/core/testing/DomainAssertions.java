package io.taskflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.taskflow.core.error.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

public final class DomainAssertions {
    private DomainAssertions() {}

    /** Asserts that {@code call} is refused as invalid input naming {@code field}, and returns the exception. */
    public static InvalidInputException assertInvalidInput(String field, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        var invalid = (InvalidInputException) thrown;
        assertThat(invalid.field()).as("field of: %s", invalid.getMessage()).isEqualTo(field);
        return invalid;
    }
}
