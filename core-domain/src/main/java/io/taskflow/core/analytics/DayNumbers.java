package io.taskflow.core.analytics;

import java.time.LocalDate;

public record DayNumbers(LocalDate day, Numbers numbers) {}
