/**
 * Publishing to Pub/Sub: the outbound port every runtime fills ({@code EnvelopePublisher}) with ordering keys and
 * CloudEvents attributes. Each invocation's post-commit flush is the shared {@code functions} outbox's {@code
 * InvocationFlush}; the scheduled sweep relays whatever is left.
 */
package io.taskflow.adapters.gcp.publish;
