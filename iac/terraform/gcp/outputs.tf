output "api_url" {
  description = "The API's base URL (the HTTP function's Cloud Run address)."
  value       = google_cloudfunctions2_function.api.service_config[0].uri
}

output "consumer_functions" {
  description = "Each consumer's function name."
  value       = { for name, f in google_cloudfunctions2_function.consumer : name => f.name }
}

output "job_functions" {
  description = "Each scheduled job's function name."
  value       = { for name, f in google_cloudfunctions2_function.job : name => f.name }
}

output "event_topics" {
  description = "The Pub/Sub topic of each event type."
  value       = { for name, t in google_pubsub_topic.events : name => t.id }
}

output "dead_letter_subscriptions" {
  description = "Where each consumer's dead letters wait, for inspection and redrive."
  value       = { for name, s in google_pubsub_subscription.dead_letters : name => s.id }
}

output "database_instance" {
  description = "The Cloud SQL instance's connection name."
  value       = google_sql_database_instance.main.connection_name
}

output "secrets" {
  description = "The Secret Manager secrets the functions read (names only)."
  value       = [for s in google_secret_manager_secret.app : s.secret_id]
}
