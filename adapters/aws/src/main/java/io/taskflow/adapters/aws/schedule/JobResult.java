package io.taskflow.adapters.aws.schedule;

import io.micronaut.serde.annotation.Serdeable;

/** What a scheduled run did, for its log line and its invocation result. */
@Serdeable
public record JobResult(String job, long done) {}
