/**
 * Publishing to MSK: the shared Kafka producer with IAM authentication, and the post-commit flush each invocation
 * runs before it returns (the scheduled sweep relays whatever is left).
 */
package io.taskflow.adapters.aws.publish;
