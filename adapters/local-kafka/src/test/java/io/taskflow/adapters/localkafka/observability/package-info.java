/**
 * Checks of the observability files under {@code local/} (Prometheus rules and configuration, Alertmanager, Grafana
 * dashboards) and of the application's JSON logs. The file checks run as unit tests; promtool, when present, judges
 * the rules and queries the way Prometheus will.
 */
package io.taskflow.adapters.localkafka.observability;
