output "function_app_name" {
  description = "Name of the function app (the package is deployed into it: docs/deploy-azure.md)."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "api_url" {
  description = "Base URL of the HTTP API (the route prefix is empty, so the paths are the API's own)."
  value       = "https://${azurerm_function_app_flex_consumption.this.default_hostname}"
}

output "resource_group" {
  description = "Resource group holding every resource of the deployment."
  value       = azurerm_resource_group.this.name
}

output "eventhubs_namespace" {
  description = "Fully qualified name of the Event Hubs namespace."
  value       = "${azurerm_eventhub_namespace.this.name}.servicebus.windows.net"
}

output "event_hubs" {
  description = "The event hubs, one per event type, and the consumers' dead-letter hubs."
  value = {
    events       = [for hub in azurerm_eventhub.event : hub.name]
    dead_letters = [for hub in azurerm_eventhub.dead_letter : hub.name]
  }
}

output "key_vault_uri" {
  description = "URI of the Key Vault holding the application's secrets and the database password."
  value       = azurerm_key_vault.this.vault_uri
}

output "database_host" {
  description = "Host name of the PostgreSQL Flexible Server."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "application_insights_name" {
  description = "Name of the Application Insights resource the function app reports to."
  value       = azurerm_application_insights.this.name
}

output "function_principal_id" {
  description = "Object id of the function app's managed identity (what the role assignments grant to)."
  value       = azurerm_function_app_flex_consumption.this.identity[0].principal_id
}
