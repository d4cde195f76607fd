variable "name" {
  description = "Function name."
  type        = string
}

variable "handler" {
  description = "Fully qualified handler class in the artifact (a RequestStreamHandler)."
  type        = string
}

variable "artifact_bucket" {
  description = "S3 bucket holding the jar with the handler."
  type        = string
}

variable "artifact_key" {
  description = "S3 key of the jar."
  type        = string
}

variable "artifact_hash" {
  description = "Base64 SHA-256 of the jar, so a new build publishes a new version."
  type        = string
}

variable "role_arn" {
  description = "Execution role of the function."
  type        = string
}

variable "memory_size" {
  description = "Memory in MB."
  type        = number
}

variable "timeout" {
  description = "Timeout in seconds."
  type        = number
}

variable "environment" {
  description = "Environment variables (no secrets: those are read from Secrets Manager)."
  type        = map(string)
}

variable "subnet_ids" {
  description = "Private subnets the function runs in."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the function's network interfaces."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Days the function's logs are kept."
  type        = number
}
