resource "google_sql_database_instance" "main" {
  name                = local.name
  region              = var.region
  database_version    = "POSTGRES_15"
  deletion_protection = var.db_deletion_protection

  settings {
    tier              = var.db_tier
    availability_type = var.db_high_availability ? "REGIONAL" : "ZONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }

    database_flags {
      # Functions open and close connections often; slow ones are worth seeing.
      name  = "log_min_duration_statement"
      value = "500"
    }
  }

  depends_on = [google_service_networking_connection.sql]
}

resource "google_sql_database" "taskflow" {
  name     = "taskflow"
  instance = google_sql_database_instance.main.name
}

# The application's user; its password lives only in Secret Manager (and the Terraform state: keep the state private).
resource "google_sql_user" "taskflow" {
  name     = "taskflow"
  instance = google_sql_database_instance.main.name
  password = random_password.app["db-password"].result
}
