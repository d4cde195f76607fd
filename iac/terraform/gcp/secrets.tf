# The application's secrets, generated here so no person ever handles them. The functions read the latest version at
# start and keep it 5 minutes; rotating means adding a version (docs/deploy-gcp.md).
locals {
  # Secret <name> is taskflow-<name>, the prefix the functions add (taskflow.gcp.secrets.prefix).
  store_prefix = "taskflow-"
  secrets = {
    "jwt-signing-secret" = { length = 64, base64 = false }
    "encryption-key"     = { length = 32, base64 = true }
    "db-password"        = { length = 40, base64 = false }
  }
}

resource "random_password" "app" {
  for_each = local.secrets
  length   = each.value.length
  special  = false
}

resource "google_secret_manager_secret" "app" {
  for_each  = local.secrets
  secret_id = "${local.store_prefix}${each.key}"

  replication {
    auto {}
  }

  depends_on = [google_project_service.required]
}

resource "google_secret_manager_secret_version" "app" {
  for_each = local.secrets
  secret   = google_secret_manager_secret.app[each.key].id
  # The encryption key is 32 random bytes, base64-encoded, as the application reads it.
  secret_data = each.value.base64 ? base64encode(substr(random_password.app[each.key].result, 0, 32)) : random_password.app[each.key].result
}
