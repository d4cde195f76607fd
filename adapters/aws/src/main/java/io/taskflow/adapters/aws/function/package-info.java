/**
 * What every Lambda handler of the AWS runtime shares: the function instance's one application context, and the raw
 * JSON in, typed payload, post-commit publishing, JSON out frame around each handler's translation.
 */
package io.taskflow.adapters.aws.function;
