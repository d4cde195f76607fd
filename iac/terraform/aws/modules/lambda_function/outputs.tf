output "function_name" {
  description = "Name of the function."
  value       = aws_lambda_function.this.function_name
}

output "alias_name" {
  description = "Name of the alias triggers invoke."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "ARN of the alias triggers invoke (the published, SnapStart-enabled version)."
  value       = aws_lambda_alias.live.arn
}
