/**
 * Publishing to MSK: the shared Kafka producer with IAM authentication. Each invocation's post-commit flush is
 * the shared {@code functions} outbox's {@code InvocationFlush}; the scheduled sweep relays whatever is left.
 */
package io.taskflow.adapters.aws.publish;
