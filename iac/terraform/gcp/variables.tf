variable "project_id" {
  description = "The Google Cloud project Taskflow is deployed to."
  type        = string
}

variable "region" {
  description = "The region of the functions, the Cloud SQL instance, the scheduler jobs and the VPC connector."
  type        = string
  default     = "europe-west1"
}

variable "environment" {
  description = "A short name for this deployment (dev, staging, prod); it prefixes every resource name."
  type        = string
  default     = "dev"
}

variable "function_jar" {
  description = "The shaded jar the adapter builds (adapters/gcp/target/taskflow-gcp.jar); it is zipped and uploaded as every function's source."
  type        = string
  default     = "../../../adapters/gcp/target/taskflow-gcp.jar"
}

variable "java_runtime" {
  description = "The Cloud Functions Java runtime."
  type        = string
  default     = "java17"
}

variable "api_memory" {
  description = "Memory of the API function (Cloud Run notation, e.g. 1Gi); CPU follows it."
  type        = string
  default     = "1Gi"
}

variable "consumer_memory" {
  description = "Memory of each consumer and scheduled function."
  type        = string
  default     = "512Mi"
}

variable "api_min_instances" {
  description = "API instances kept warm (0 lets the API scale to zero and pay a cold start)."
  type        = number
  default     = 1
}

variable "api_max_instances" {
  description = "The most API instances; each holds at most 2 database connections."
  type        = number
  default     = 20
}

variable "consumer_max_instances" {
  description = "The most instances of each consumer function."
  type        = number
  default     = 5
}

variable "db_tier" {
  description = "The Cloud SQL machine tier."
  type        = string
  default     = "db-custom-1-3840"
}

variable "db_high_availability" {
  description = "True for a regional (failover) Cloud SQL instance."
  type        = bool
  default     = false
}

variable "db_deletion_protection" {
  description = "Keeps terraform destroy from deleting the database instance."
  type        = bool
  default     = true
}

variable "vpc_connector_cidr" {
  description = "A free /28 range for the Serverless VPC Access connector through which the functions reach Cloud SQL's private IP."
  type        = string
  default     = "10.8.0.0/28"
}

variable "pubsub_max_delivery_attempts" {
  description = "Deliveries of a message before Pub/Sub moves it to the consumer's dead-letter topic (5 to 100). Above the application's own retry policy (5 attempts, then a dead letter with the error), so this is the backstop for invocations that never answer."
  type        = number
  default     = 10
}

variable "pubsub_min_backoff" {
  description = "The shortest wait before Pub/Sub delivers a failed message again."
  type        = string
  default     = "10s"
}

variable "pubsub_max_backoff" {
  description = "The longest wait before Pub/Sub delivers a failed message again."
  type        = string
  default     = "600s"
}

variable "admin_emails" {
  description = "E-mails whose tokens carry the ADMIN role (dead-letter redrive, audit verification)."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "E-mail addresses the alert policies notify."
  type        = list(string)
  default     = []
}

variable "time_zone" {
  description = "The time zone of the scheduler jobs' cron expressions."
  type        = string
  default     = "Etc/UTC"
}
