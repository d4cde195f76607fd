resource "azurerm_eventhub_namespace" "this" {
  name                = "${local.unique}-ehns"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = var.eventhubs_sku
  capacity            = var.eventhubs_capacity
  # Entra ID only: the functions authenticate with their managed identity, and no shared key exists to leak.
  local_authentication_enabled = false
  minimum_tls_version          = "1.2"
  tags                         = local.tags
}

# The 8 event hubs: 3 partitions (the aggregate id is the partition key, so a task's events keep their order), and the
# design's 7-day retention.
resource "azurerm_eventhub" "event" {
  for_each          = toset(local.event_hubs)
  name              = each.value
  namespace_id      = azurerm_eventhub_namespace.this.id
  partition_count   = 3
  message_retention = var.event_retention_days
}

# One dead-letter hub per consumer; a dead letter keeps its event's partition key.
resource "azurerm_eventhub" "dead_letter" {
  for_each          = toset(local.dead_letter_hubs)
  name              = each.value
  namespace_id      = azurerm_eventhub_namespace.this.id
  partition_count   = 3
  message_retention = var.dead_letter_retention_days
}

# A consumer group per consumer on each hub it reads: each consumer keeps its own checkpoints and pace.
resource "azurerm_eventhub_consumer_group" "consumer" {
  for_each            = local.consumer_inputs
  name                = each.value.consumer
  namespace_name      = azurerm_eventhub_namespace.this.name
  eventhub_name       = azurerm_eventhub.event[each.value.hub].name
  resource_group_name = azurerm_resource_group.this.name
}

# The operator's reader of the dead letters (peek, redrive: docs/deploy-azure.md).
resource "azurerm_eventhub_consumer_group" "redrive" {
  for_each            = toset(local.dead_letter_hubs)
  name                = "redrive"
  namespace_name      = azurerm_eventhub_namespace.this.name
  eventhub_name       = azurerm_eventhub.dead_letter[each.value].name
  resource_group_name = azurerm_resource_group.this.name
}
