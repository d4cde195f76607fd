/** The metrics the CloudWatch alarms read, as embedded metric format log lines. */
package io.taskflow.adapters.aws.metrics;
