variable "region" {
  description = "AWS region to deploy into, e.g. eu-west-1."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, staging, prod); part of every resource name. prod turns on deletion protection and final snapshots."
  type        = string
  default     = "dev"
}

variable "artifact" {
  description = "Path of the functions' jar, built by `./mvnw -pl adapters/aws -am package` (adapters/aws/target/taskflow-aws.jar)."
  type        = string
  default     = "../../../adapters/aws/target/taskflow-aws.jar"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC holding the functions, MSK and RDS."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "Availability zones for the private subnets (at least two: RDS and MSK Serverless need two)."
  type        = list(string)
}

variable "enable_nat_gateway" {
  description = "Give the functions a NAT gateway to the internet, needed for e-mail (SMTP) and webhook notifications; AWS services are reached through VPC endpoints either way."
  type        = bool
  default     = true
}

variable "db_name" {
  description = "Name of the PostgreSQL database."
  type        = string
  default     = "taskflow"
}

variable "db_username" {
  description = "Master user of the database; its password is generated and kept by RDS in Secrets Manager."
  type        = string
  default     = "taskflow"
}

variable "db_engine_version" {
  description = "PostgreSQL engine version of the RDS instance."
  type        = string
  default     = "16.4"
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_allocated_storage" {
  description = "RDS storage in GiB."
  type        = number
  default     = 20
}

variable "db_multi_az" {
  description = "Run the database in two availability zones."
  type        = bool
  default     = false
}

variable "api_memory_size" {
  description = "Memory of the API function in MB (CPU grows with it; 1024 or more keeps cold starts short)."
  type        = number
  default     = 1536
}

variable "consumer_memory_size" {
  description = "Memory of each consumer function in MB."
  type        = number
  default     = 1024
}

variable "scheduled_memory_size" {
  description = "Memory of each scheduled function in MB."
  type        = number
  default     = 1024
}

variable "consumer_batch_size" {
  description = "Most records per consumer invocation."
  type        = number
  default     = 100
}

variable "consumer_max_retry_attempts" {
  description = "Retries the MSK trigger makes of a failing batch before it goes to the S3 failure destination. Keep it above the application's own retry policy (taskflow.consumers.retry.max-attempts, 5), which dead-letters an event to its topic first."
  type        = number
  default     = 10
}

variable "consumer_max_pollers" {
  description = "Most event pollers per consumer event source mapping (provisioned mode)."
  type        = number
  default     = 2
}

variable "api_burst_limit" {
  description = "API Gateway burst limit of the default stage."
  type        = number
  default     = 500
}

variable "api_rate_limit" {
  description = "API Gateway steady request rate limit (requests per second) of the default stage."
  type        = number
  default     = 200
}

variable "log_retention_days" {
  description = "Days the functions' CloudWatch logs are kept."
  type        = number
  default     = 30
}

variable "admin_emails" {
  description = "E-mail addresses whose tokens carry the ADMIN role."
  type        = list(string)
  default     = []
}

variable "smtp_host" {
  description = "SMTP server for e-mail notifications and the digest; empty records e-mails as skipped."
  type        = string
  default     = ""
}

variable "smtp_from" {
  description = "Sender address of Taskflow's e-mails."
  type        = string
  default     = "taskflow@localhost"
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarms' SNS topic."
  type        = list(string)
  default     = []
}
