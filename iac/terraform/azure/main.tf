# Taskflow on Azure: the adapters/azure function app (Flex Consumption) with Event Hubs, PostgreSQL Flexible Server,
# Key Vault and Application Insights. docs/deploy-azure.md says how to build, apply, deploy the package and check it.

locals {
  name = "taskflow-${var.environment}"
  # Names that must be unique in all of Azure carry the suffix; the storage account's allows no dashes.
  unique = "tf${var.environment}${var.name_suffix}"

  tags = merge(var.tags, { application = "taskflow", environment = var.environment })

  # One event hub per event type, named as the type (the topics of every runtime).
  event_hubs = [
    "task.created", "task.updated", "task.completed", "task.deleted",
    "user.registered", "user.authenticated", "notification.sent", "reminder.triggered",
  ]

  # Each consumer reads the hubs of the types it handles, in a consumer group of its own name, through one function
  # per hub (a trigger reads one hub): adapters/azure/…/eventhubs/*Functions. The live feed needs open WebSocket
  # connections: it runs in the container runtime only.
  consumers = {
    notifications = {
      hubs = ["task.created", "task.updated", "task.completed", "task.deleted", "reminder.triggered", "user.authenticated"]
    }
    audit = {
      hubs = [
        "task.created", "task.updated", "task.completed", "task.deleted",
        "user.registered", "user.authenticated", "notification.sent", "reminder.triggered",
      ]
    }
    analytics = {
      hubs = ["task.created", "task.updated", "task.completed", "task.deleted"]
    }
    recurrence = {
      hubs = ["task.completed"]
    }
  }

  # Every (consumer, hub) pair, keyed "<consumer>:<hub>": one consumer group each.
  consumer_input_list = flatten([
    for consumer, spec in local.consumers : [
      for hub in spec.hubs : { consumer = consumer, hub = hub }
    ]
  ])
  consumer_inputs = zipmap([for input in local.consumer_input_list : "${input.consumer}:${input.hub}"], local.consumer_input_list)

  # Each consumer's dead letters: the event unchanged, with the error, the attempt count and the consumer's name.
  dead_letter_hubs = [for consumer in keys(local.consumers) : "taskflow.dlq.${consumer}"]

  # What the functions are told; no secret among it, only where to find them.
  app_settings = {
    # The triggers' identity-based connection (EventHubTrigger connection = "EventHubs").
    EventHubs__fullyQualifiedNamespace        = "${azurerm_eventhub_namespace.this.name}.servicebus.windows.net"
    TASKFLOW_EVENTHUBS_NAMESPACE              = "${azurerm_eventhub_namespace.this.name}.servicebus.windows.net"
    TASKFLOW_AZURE_KEYVAULT_URL               = azurerm_key_vault.this.vault_uri
    TASKFLOW_AZURE_KEYVAULT_DATABASE_PASSWORD = azurerm_key_vault_secret.database_password.name
    TASKFLOW_DB_URL                           = "jdbc:postgresql://${azurerm_postgresql_flexible_server.this.fqdn}:5432/${var.db_name}?sslmode=require"
    TASKFLOW_DB_USER                          = var.db_admin_login
    TASKFLOW_DB_POOL_SIZE                     = tostring(var.db_pool_size)
    TASKFLOW_ADMIN_EMAILS                     = join(",", var.admin_emails)
    TASKFLOW_SMTP_HOST                        = var.smtp_host
    TASKFLOW_SMTP_FROM                        = var.smtp_from
  }
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "this" {
  name     = "${local.name}-rg"
  location = var.location
  tags     = local.tags
}
