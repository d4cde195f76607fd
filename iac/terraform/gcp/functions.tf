# Every function runs the same jar; only the entry point (and the trigger in front of it) differs.
data "archive_file" "source" {
  type        = "zip"
  source_file = var.function_jar
  output_path = "${path.module}/.build/taskflow-gcp.zip"
}

resource "google_storage_bucket" "source" {
  name                        = "${var.project_id}-${local.name}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  force_destroy               = true
}

resource "google_storage_bucket_object" "source" {
  # Named by content, so a new build makes Terraform deploy it.
  name   = "taskflow-gcp-${data.archive_file.source.output_md5}.zip"
  bucket = google_storage_bucket.source.name
  source = data.archive_file.source.output_path
}

resource "google_cloudfunctions2_function" "api" {
  name     = "${local.name}-api"
  location = var.region

  build_config {
    runtime     = var.java_runtime
    entry_point = local.api_entry_point
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = var.api_memory
    min_instance_count               = var.api_min_instances
    max_instance_count               = var.api_max_instances
    max_instance_request_concurrency = 1
    timeout_seconds                  = 30
    service_account_email            = google_service_account.api.email
    vpc_connector                    = google_vpc_access_connector.functions.id
    vpc_connector_egress_settings    = "PRIVATE_RANGES_ONLY"
    ingress_settings                 = "ALLOW_ALL"
    environment_variables            = local.common_env
  }

  depends_on = [google_secret_manager_secret_version.app]
}

resource "google_cloudfunctions2_function" "consumer" {
  for_each = local.consumers
  name     = "${local.name}-${each.key}"
  location = var.region

  build_config {
    runtime     = var.java_runtime
    entry_point = each.value.entry_point
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  # HTTP-triggered: the push subscriptions of pubsub.tf call it, with an OIDC token only the pusher identity gets.
  service_config {
    available_memory                 = var.consumer_memory
    min_instance_count               = 0
    max_instance_count               = var.consumer_max_instances
    max_instance_request_concurrency = 1
    timeout_seconds                  = 60
    service_account_email            = google_service_account.consumer.email
    vpc_connector                    = google_vpc_access_connector.functions.id
    vpc_connector_egress_settings    = "PRIVATE_RANGES_ONLY"
    ingress_settings                 = "ALLOW_INTERNAL_ONLY"
    environment_variables            = local.common_env
  }

  depends_on = [google_secret_manager_secret_version.app]
}

resource "google_cloudfunctions2_function" "job" {
  for_each = local.schedules
  name     = "${local.name}-${each.key}"
  location = var.region

  build_config {
    runtime     = var.java_runtime
    entry_point = each.value.entry_point
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = var.consumer_memory
    min_instance_count               = 0
    max_instance_count               = 1
    max_instance_request_concurrency = 1
    timeout_seconds                  = 300
    service_account_email            = google_service_account.api.email
    vpc_connector                    = google_vpc_access_connector.functions.id
    vpc_connector_egress_settings    = "PRIVATE_RANGES_ONLY"
    ingress_settings                 = "ALLOW_ALL"
    environment_variables            = local.common_env
  }

  depends_on = [google_secret_manager_secret_version.app]
}
