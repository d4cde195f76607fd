# Taskflow on Google Cloud: one root deploying the adapter's artifact (adapters/gcp/target/taskflow-gcp.jar) as Cloud
# Functions (2nd gen): the HTTP API, one function per consumer fed by Pub/Sub push subscriptions, and the scheduled jobs
# Cloud Scheduler calls; backed by Cloud SQL for PostgreSQL and Secret Manager.

locals {
  name = "taskflow-${var.environment}"

  # The eight event types, one topic each (7-day retention, ordering by aggregate id), as on every broker.
  event_topics = [
    "task.created",
    "task.updated",
    "task.completed",
    "task.deleted",
    "user.registered",
    "user.authenticated",
    "notification.sent",
    "reminder.triggered",
  ]
  message_retention = "604800s"

  api_entry_point = "io.taskflow.adapters.gcp.http.ApiFunction"

  # One function per consumer, fed by one push subscription per topic it reads. The live feed needs open WebSocket
  # connections: it runs in the container runtime only.
  consumers = {
    notifications = {
      entry_point = "io.taskflow.adapters.gcp.trigger.NotificationsFunction"
      topics      = ["task.created", "task.updated", "task.completed", "task.deleted", "reminder.triggered", "user.authenticated"]
    }
    audit = {
      entry_point = "io.taskflow.adapters.gcp.trigger.AuditFunction"
      topics = [
        "task.created", "task.updated", "task.completed", "task.deleted",
        "user.registered", "user.authenticated", "notification.sent", "reminder.triggered",
      ]
    }
    analytics = {
      entry_point = "io.taskflow.adapters.gcp.trigger.AnalyticsFunction"
      topics      = ["task.created", "task.updated", "task.completed", "task.deleted"]
    }
    recurrence = {
      entry_point = "io.taskflow.adapters.gcp.trigger.RecurrenceFunction"
      topics      = ["task.completed"]
    }
  }

  # (consumer, topic) pairs: one subscription each.
  consumer_input_list = flatten([
    for consumer, spec in local.consumers : [
      for topic in spec.topics : { consumer = consumer, topic = topic }
    ]
  ])
  consumer_inputs = zipmap([for input in local.consumer_input_list : "${input.consumer}--${input.topic}"], local.consumer_input_list)

  # Cloud Scheduler jobs, one function each; the body names the job, the scheduler adds the scheduled time as a header.
  schedules = {
    "outbox-sweep" = {
      entry_point = "io.taskflow.adapters.gcp.schedule.OutboxSweepFunction"
      schedule    = "* * * * *"
    }
    reminders = {
      entry_point = "io.taskflow.adapters.gcp.schedule.ReminderSweepFunction"
      schedule    = "* * * * *"
    }
    digest = {
      entry_point = "io.taskflow.adapters.gcp.schedule.DailyDigestFunction"
      schedule    = "0 7 * * *"
    }
    cleanup = {
      entry_point = "io.taskflow.adapters.gcp.schedule.CleanupFunction"
      schedule    = "30 3 * * *"
    }
  }

  # What every function is told; secrets are named, never given.
  common_env = {
    GOOGLE_CLOUD_PROJECT  = var.project_id
    TASKFLOW_DB_URL       = "jdbc:postgresql://${google_sql_database_instance.main.private_ip_address}:5432/${google_sql_database.taskflow.name}"
    TASKFLOW_DB_USER      = google_sql_user.taskflow.name
    TASKFLOW_ADMIN_EMAILS = join(",", var.admin_emails)
    # The Micronaut property taskflow.gcp.secrets.database-password.
    TASKFLOW_GCP_SECRETS_DATABASE_PASSWORD = google_secret_manager_secret.app["db-password"].secret_id
    JAVA_TOOL_OPTIONS                      = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  }
}

data "google_project" "this" {
  project_id = var.project_id
}

resource "google_project_service" "required" {
  for_each = toset([
    "cloudfunctions.googleapis.com",
    "run.googleapis.com",
    "cloudbuild.googleapis.com",
    "artifactregistry.googleapis.com",
    "pubsub.googleapis.com",
    "sqladmin.googleapis.com",
    "secretmanager.googleapis.com",
    "cloudscheduler.googleapis.com",
    "vpcaccess.googleapis.com",
    "servicenetworking.googleapis.com",
    "monitoring.googleapis.com",
    "logging.googleapis.com",
  ])
  service            = each.value
  disable_on_destroy = false
}
