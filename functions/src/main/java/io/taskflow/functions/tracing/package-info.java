/**
 * Distributed tracing across the event path. The trace context travels with each event in its CloudEvents
 * {@code traceparent}/{@code tracestate} extensions (W3C Trace Context), written when the outbox row is written, so
 * one trace runs from the HTTP request through the relay and the broker to every consumer, on every runtime and
 * whatever the broker does with headers. {@link io.taskflow.functions.tracing.W3cTraceContext} reads and writes those
 * strings; {@link io.taskflow.functions.tracing.EventSpans} makes the relay's and the consumers' spans and puts the
 * trace into the logging context while an event is handled.
 */
package io.taskflow.functions.tracing;
