# The sweeps, reminders, digest and clean-up: Cloud Scheduler calls each job's function with an OIDC token of its own
# identity, names the job in the body, and retries a failed run; every job is safe to run twice.
resource "google_cloud_scheduler_job" "job" {
  for_each  = local.schedules
  name      = "${local.name}-${each.key}"
  region    = var.region
  schedule  = each.value.schedule
  time_zone = var.time_zone

  attempt_deadline = "320s"

  retry_config {
    retry_count          = 3
    min_backoff_duration = "10s"
    max_backoff_duration = "120s"
  }

  http_target {
    http_method = "POST"
    uri         = google_cloudfunctions2_function.job[each.key].service_config[0].uri
    headers     = { "Content-Type" = "application/json" }
    body        = base64encode(jsonencode({ job = each.key }))

    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = google_cloudfunctions2_function.job[each.key].service_config[0].uri
    }
  }
}
