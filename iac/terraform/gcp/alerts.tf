# The alert rules of local/prometheus/alerts.yml as Cloud Monitoring alert policies under the same names
# (docs/deploy-gcp.md maps each condition to the metric that carries it here). All notify the same e-mail channels.
resource "google_monitoring_notification_channel" "email" {
  for_each     = toset(var.alert_emails)
  display_name = "${local.name} ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

locals {
  channels    = [for channel in google_monitoring_notification_channel.email : channel.id]
  api_service = google_cloudfunctions2_function.api.service_config[0].service
}

# What the functions report as structured log lines (the adapter's LogMetrics), turned into metrics.
resource "google_logging_metric" "outbox_oldest_age" {
  name   = "${local.name}/outbox_oldest_pending_age_seconds"
  filter = "jsonPayload.taskflow_metric=\"OutboxOldestPendingAgeSeconds\" AND resource.type=\"cloud_run_revision\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "s"
  }
  value_extractor = "EXTRACT(jsonPayload.value)"
  bucket_options {
    explicit_buckets {
      bounds = [0, 30, 60, 120, 300, 600, 1800, 3600]
    }
  }
}

# A probe from outside: the API answers its liveness check.
resource "google_monitoring_uptime_check_config" "api" {
  display_name = "${local.name}-api-liveness"
  timeout      = "10s"
  period       = "60s"

  http_check {
    path         = "/health/liveness"
    port         = 443
    use_ssl      = true
    validate_ssl = true
  }

  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = trimsuffix(trimprefix(google_cloudfunctions2_function.api.service_config[0].uri, "https://"), "/")
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowInstanceDown" {
  display_name          = "${local.name}-TaskflowInstanceDown"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content = "The API does not answer its liveness check (docs/runbooks/TaskflowInstanceDown.md)."
  }
  conditions {
    display_name = "liveness check failing for 2 minutes"
    condition_threshold {
      filter          = "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type=\"uptime_url\" AND metric.label.check_id=\"${google_monitoring_uptime_check_config.api.uptime_check_id}\""
      comparison      = "COMPARISON_LT"
      threshold_value = 0.5
      duration        = "120s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_FRACTION_TRUE"
        cross_series_reducer = "REDUCE_MEAN"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowHighErrorRate" {
  display_name          = "${local.name}-TaskflowHighErrorRate"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content = "More than 5 % of API requests fail with a 5xx (docs/runbooks/TaskflowHighErrorRate.md)."
  }
  conditions {
    display_name = "5xx ratio above 5 % for 5 minutes"
    condition_prometheus_query_language {
      query    = "sum(rate(run_googleapis_com:request_count{monitored_resource=\"cloud_run_revision\",service_name=\"${local.api_service}\",response_code_class=\"5xx\"}[5m])) / sum(rate(run_googleapis_com:request_count{monitored_resource=\"cloud_run_revision\",service_name=\"${local.api_service}\"}[5m])) > 0.05 and sum(rate(run_googleapis_com:request_count{monitored_resource=\"cloud_run_revision\",service_name=\"${local.api_service}\"}[5m])) > 0.1"
      duration = "300s"
    }
  }
}

# The latency objective of the container runtime: 99 % of API requests answered in under 500 ms, over 30 days.
resource "google_monitoring_custom_service" "api" {
  service_id   = "${local.name}-api"
  display_name = "${local.name} API"
}

resource "google_monitoring_slo" "api_latency" {
  service             = google_monitoring_custom_service.api.service_id
  slo_id              = "latency-500ms"
  display_name        = "99 % of API requests under 500 ms"
  goal                = 0.99
  rolling_period_days = 30

  request_based_sli {
    distribution_cut {
      distribution_filter = "metric.type=\"run.googleapis.com/request_latencies\" AND resource.type=\"cloud_run_revision\" AND resource.label.service_name=\"${local.api_service}\""
      range {
        max = 500
      }
    }
  }
}

# Multi-window, multi-burn-rate as in Prometheus: fast (1 h and 5 min over 14.4) and slow (6 h and 30 min over 6).
resource "google_monitoring_alert_policy" "TaskflowApiLatencySloBurn_fast" {
  display_name          = "${local.name}-TaskflowApiLatencySloBurn-fast"
  combiner              = "AND"
  notification_channels = local.channels
  documentation {
    content = "The API spends its latency error budget 14.4 times too fast (docs/runbooks/TaskflowApiLatencySloBurn.md)."
  }
  conditions {
    display_name = "burn rate over 1 h above 14.4"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"${google_monitoring_slo.api_latency.id}\", \"3600s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 14.4
      duration        = "120s"
    }
  }
  conditions {
    display_name = "burn rate over 5 min above 14.4"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"${google_monitoring_slo.api_latency.id}\", \"300s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 14.4
      duration        = "120s"
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowApiLatencySloBurn_slow" {
  display_name          = "${local.name}-TaskflowApiLatencySloBurn-slow"
  combiner              = "AND"
  notification_channels = local.channels
  documentation {
    content = "The API spends its latency error budget 6 times too fast (docs/runbooks/TaskflowApiLatencySloBurn.md)."
  }
  conditions {
    display_name = "burn rate over 6 h above 6"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"${google_monitoring_slo.api_latency.id}\", \"21600s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 6
      duration        = "900s"
    }
  }
  conditions {
    display_name = "burn rate over 30 min above 6"
    condition_threshold {
      filter          = "select_slo_burn_rate(\"${google_monitoring_slo.api_latency.id}\", \"1800s\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 6
      duration        = "900s"
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowOutboxBacklogOld" {
  display_name          = "${local.name}-TaskflowOutboxBacklogOld"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content = "An event has waited in the outbox for more than 5 minutes (docs/runbooks/TaskflowOutboxBacklogOld.md)."
  }
  conditions {
    display_name = "oldest pending event older than 300 s for 5 minutes"
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.outbox_oldest_age.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 300
      duration        = "300s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_PERCENTILE_99"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowDeadLettersPresent" {
  display_name          = "${local.name}-TaskflowDeadLettersPresent"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content = "Events wait in a consumer's dead-letter topic (docs/runbooks/TaskflowDeadLettersPresent.md)."
  }
  conditions {
    display_name = "dead letters held for a minute"
    condition_threshold {
      filter          = "metric.type=\"pubsub.googleapis.com/subscription/num_undelivered_messages\" AND resource.type=\"pubsub_subscription\" AND resource.label.subscription_id=monitoring.regex.full_match(\"taskflow\\\\.dlq\\\\..*\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "60s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_MAX"
        cross_series_reducer = "REDUCE_MAX"
        group_by_fields      = ["resource.label.subscription_id"]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "TaskflowConsumerLagHigh" {
  display_name          = "${local.name}-TaskflowConsumerLagHigh"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content = "A consumer's subscription holds more than 1000 undelivered messages (docs/runbooks/TaskflowConsumerLagHigh.md)."
  }
  conditions {
    display_name = "more than 1000 undelivered messages for 10 minutes"
    condition_threshold {
      filter          = "metric.type=\"pubsub.googleapis.com/subscription/num_undelivered_messages\" AND resource.type=\"pubsub_subscription\" AND resource.label.subscription_id=monitoring.regex.full_match(\"taskflow-.*\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 1000
      duration        = "600s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_MAX"
        cross_series_reducer = "REDUCE_MAX"
        group_by_fields      = ["resource.label.subscription_id"]
      }
    }
  }
}
