/** The metrics the Cloud Monitoring alert policies read, as structured log lines for log-based metrics. */
package io.taskflow.adapters.gcp.metrics;
