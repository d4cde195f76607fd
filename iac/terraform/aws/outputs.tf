output "api_url" {
  description = "Base URL of the HTTP API (the smoke test in docs/deploy-aws.md calls it)."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "function_names" {
  description = "Name of every function, by role (api, each consumer, each scheduled job)."
  value = merge(
    { api = module.api.function_name },
    { for k, f in module.consumer : k => f.function_name },
    { for k, f in module.scheduled : k => f.function_name },
  )
}

output "msk_cluster_arn" {
  description = "ARN of the MSK Serverless cluster."
  value       = aws_msk_serverless_cluster.this.arn
}

output "msk_bootstrap_brokers" {
  description = "IAM-authenticated bootstrap servers of the cluster (port 9098)."
  value       = data.aws_msk_bootstrap_brokers.this.bootstrap_brokers_sasl_iam
}

output "database_endpoint" {
  description = "Host and port of the RDS PostgreSQL instance."
  value       = aws_db_instance.this.endpoint
}

output "database_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS keeps the database credentials in."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "jwt_secret_name" {
  description = "Name of the Secrets Manager secret holding the JWT signing key."
  value       = aws_secretsmanager_secret.jwt_signing_secret.name
}

output "failed_batches_bucket" {
  description = "S3 bucket receiving the batches the MSK triggers gave up on."
  value       = aws_s3_bucket.failed_batches.bucket
}

output "schedule_failures_queue_url" {
  description = "SQS queue receiving the scheduled runs EventBridge Scheduler could not deliver."
  value       = aws_sqs_queue.schedule_failures.url
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = aws_sns_topic.alarms.arn
}
