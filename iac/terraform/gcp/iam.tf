# One service account per role, each with only what it uses.

# The API and the scheduled jobs: publish events, read the secrets, reach the database over the VPC.
resource "google_service_account" "api" {
  account_id   = "${var.environment}-taskflow-api"
  display_name = "Taskflow API and scheduled jobs"
}

# The consumers: the same, plus publishing their dead letters.
resource "google_service_account" "consumer" {
  account_id   = "${var.environment}-taskflow-consumer"
  display_name = "Taskflow event consumers"
}

# What Pub/Sub pushes as (the OIDC token the consumer functions check), and what Cloud Scheduler calls as.
resource "google_service_account" "pusher" {
  account_id   = "${var.environment}-taskflow-pusher"
  display_name = "Taskflow Pub/Sub push identity"
}

resource "google_service_account" "scheduler" {
  account_id   = "${var.environment}-taskflow-scheduler"
  display_name = "Taskflow Cloud Scheduler identity"
}

# Publishing: on the event topics only (the recurrence consumer writes task events too).
resource "google_pubsub_topic_iam_member" "api_publishes" {
  for_each = google_pubsub_topic.events
  topic    = each.value.id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.api.email}"
}

resource "google_pubsub_topic_iam_member" "consumer_publishes" {
  for_each = google_pubsub_topic.events
  topic    = each.value.id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.consumer.email}"
}

resource "google_pubsub_topic_iam_member" "consumer_dead_letters" {
  for_each = google_pubsub_topic.dead_letters
  topic    = each.value.id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.consumer.email}"
}

# Secrets: each function identity reads exactly the three application secrets.
resource "google_secret_manager_secret_iam_member" "api_reads" {
  for_each  = google_secret_manager_secret.app
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.api.email}"
}

resource "google_secret_manager_secret_iam_member" "consumer_reads" {
  for_each  = google_secret_manager_secret.app
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.consumer.email}"
}

# Invoking: Pub/Sub may call the consumer functions, Cloud Scheduler the job functions; nobody else may.
resource "google_cloud_run_service_iam_member" "pusher_invokes" {
  for_each = google_cloudfunctions2_function.consumer
  location = var.region
  service  = each.value.service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.pusher.email}"
}

resource "google_cloud_run_service_iam_member" "scheduler_invokes" {
  for_each = google_cloudfunctions2_function.job
  location = var.region
  service  = each.value.service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.scheduler.email}"
}

# The API is public: its own JWT authentication guards it.
resource "google_cloud_run_service_iam_member" "api_public" {
  location = var.region
  service  = google_cloudfunctions2_function.api.service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# Pub/Sub's service agent mints the OIDC tokens of the push identity.
resource "google_service_account_iam_member" "pubsub_mints_push_tokens" {
  service_account_id = google_service_account.pusher.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}

# Logs and metrics from every function identity.
resource "google_project_iam_member" "writes_logs" {
  for_each = toset([google_service_account.api.email, google_service_account.consumer.email])
  project  = var.project_id
  role     = "roles/logging.logWriter"
  member   = "serviceAccount:${each.value}"
}
