variable "subscription_id" {
  description = "Azure subscription to deploy into."
  type        = string
}

variable "location" {
  description = "Azure region, e.g. westeurope. Flex Consumption must be offered there (az functionapp list-flexconsumption-locations)."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, staging, prod); part of every resource name. prod turns on the vault's purge protection and zone-redundant high availability for the database."
  type        = string
  default     = "dev"
}

variable "name_suffix" {
  description = "A few lower-case letters or digits that make the globally unique names (storage account, Key Vault, Event Hubs namespace, PostgreSQL server) unique to this deployment."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,8}$", var.name_suffix))
    error_message = "name_suffix must be 3 to 8 lower-case letters or digits."
  }
}

variable "instance_memory_mb" {
  description = "Memory of each Flex Consumption instance (2048 or 4096)."
  type        = number
  default     = 2048
}

variable "maximum_instance_count" {
  description = "Most instances the function app scales out to; each holds up to db_pool_size database connections, so keep their product under the server's connection limit."
  type        = number
  default     = 40
}

variable "always_ready_http_instances" {
  description = "Instances kept warm for the HTTP trigger (0 accepts cold starts on the API)."
  type        = number
  default     = 1
}

variable "db_pool_size" {
  description = "Database connections per function instance."
  type        = number
  default     = 4
}

variable "eventhubs_sku" {
  description = "Event Hubs namespace tier: Standard (retention up to 7 days) or Premium."
  type        = string
  default     = "Standard"
}

variable "eventhubs_capacity" {
  description = "Throughput units (Standard) or processing units (Premium) of the namespace."
  type        = number
  default     = 1
}

variable "event_retention_days" {
  description = "How long the event hubs keep events, in days (the design's 7; Standard allows at most 7)."
  type        = number
  default     = 7
}

variable "dead_letter_retention_days" {
  description = "How long the dead-letter hubs keep dead letters, in days: the time an operator has to redrive them."
  type        = number
  default     = 7
}

variable "db_sku" {
  description = "SKU of the PostgreSQL Flexible Server, e.g. B_Standard_B1ms for dev, GP_Standard_D2ds_v5 for prod."
  type        = string
  default     = "B_Standard_B1ms"
}

variable "db_version" {
  description = "PostgreSQL major version of the server."
  type        = string
  default     = "16"
}

variable "db_storage_mb" {
  description = "Storage of the PostgreSQL server, in MB."
  type        = number
  default     = 32768
}

variable "db_name" {
  description = "Name of the PostgreSQL database."
  type        = string
  default     = "taskflow"
}

variable "db_admin_login" {
  description = "Login of the server's administrator, which the functions use (its password is generated and kept in Key Vault)."
  type        = string
  default     = "taskflow"
}

variable "db_backup_retention_days" {
  description = "Days of point-in-time restore the server keeps (7 to 35)."
  type        = number
  default     = 14
}

variable "admin_emails" {
  description = "E-mail addresses of Taskflow's administrators (the admin API)."
  type        = list(string)
  default     = []
}

variable "smtp_host" {
  description = "SMTP relay for e-mail notifications (host:port); empty leaves e-mail off."
  type        = string
  default     = ""
}

variable "smtp_from" {
  description = "Sender address of e-mail notifications."
  type        = string
  default     = "taskflow@example.com"
}

variable "alert_emails" {
  description = "E-mail addresses the alerts notify."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource, beside application and environment."
  type        = map(string)
  default     = {}
}
