resource "azurerm_postgresql_flexible_server" "this" {
  name                          = "${local.unique}-pg"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  version                       = var.db_version
  sku_name                      = var.db_sku
  storage_mb                    = var.db_storage_mb
  backup_retention_days         = var.db_backup_retention_days
  administrator_login           = var.db_admin_login
  administrator_password        = random_password.database.result
  public_network_access_enabled = true
  zone                          = "1"

  dynamic "high_availability" {
    for_each = var.environment == "prod" ? [1] : []
    content {
      mode = "ZoneRedundant"
    }
  }

  tags = local.tags
}

resource "azurerm_postgresql_flexible_server_database" "taskflow" {
  name      = var.db_name
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}

# Flex Consumption instances have no fixed outbound address without a virtual network: the server admits Azure's own
# addresses (the 0.0.0.0 rule) and requires TLS. docs/deploy-azure.md says how to move to private networking.
resource "azurerm_postgresql_flexible_server_firewall_rule" "azure_services" {
  name             = "azure-services"
  server_id        = azurerm_postgresql_flexible_server.this.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
