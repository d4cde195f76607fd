# The host's storage: triggers' leases and checkpoints, timers' schedules, and the container Flex Consumption deploys
# the package from. Reached with the app's identity; no account key in any setting.
resource "azurerm_storage_account" "functions" {
  name                            = local.unique
  location                        = azurerm_resource_group.this.location
  resource_group_name             = azurerm_resource_group.this.name
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  tags                            = local.tags
}

resource "azurerm_storage_container" "package" {
  name                  = "deployment-package"
  storage_account_id    = azurerm_storage_account.functions.id
  container_access_type = "private"
}

resource "azurerm_service_plan" "this" {
  name                = "${local.name}-plan"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = local.tags
}

# One function app for every function: the API's HTTP trigger, each consumer's Event Hubs triggers, the timers. The
# package (adapters/azure/target/taskflow-azure.zip) is deployed into it after the apply (docs/deploy-azure.md).
resource "azurerm_function_app_flex_consumption" "this" {
  name                = "${local.name}-${var.name_suffix}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  service_plan_id     = azurerm_service_plan.this.id

  runtime_name    = "java"
  runtime_version = "17"

  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "${azurerm_storage_account.functions.primary_blob_endpoint}${azurerm_storage_container.package.name}"
  storage_authentication_type = "SystemAssignedIdentity"

  instance_memory_in_mb  = var.instance_memory_mb
  maximum_instance_count = var.maximum_instance_count

  always_ready {
    name           = "http"
    instance_count = var.always_ready_http_instances
  }

  identity {
    type = "SystemAssigned"
  }

  app_settings = merge(local.app_settings, {
    AzureWebJobsStorage__accountName = azurerm_storage_account.functions.name
  })

  site_config {
    application_insights_connection_string = azurerm_application_insights.this.connection_string
  }

  tags = local.tags
}

# What the app's identity may do: run its host on the storage account, send and receive on the namespace, read the
# vault's secrets. Nothing more.
locals {
  function_roles = {
    storage_blobs  = { scope = azurerm_storage_account.functions.id, role = "Storage Blob Data Owner" }
    storage_queues = { scope = azurerm_storage_account.functions.id, role = "Storage Queue Data Contributor" }
    storage_tables = { scope = azurerm_storage_account.functions.id, role = "Storage Table Data Contributor" }
    events_send    = { scope = azurerm_eventhub_namespace.this.id, role = "Azure Event Hubs Data Sender" }
    events_receive = { scope = azurerm_eventhub_namespace.this.id, role = "Azure Event Hubs Data Receiver" }
    secrets_read   = { scope = azurerm_key_vault.this.id, role = "Key Vault Secrets User" }
  }
}

resource "azurerm_role_assignment" "function" {
  for_each             = local.function_roles
  scope                = each.value.scope
  role_definition_name = each.value.role
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
}
