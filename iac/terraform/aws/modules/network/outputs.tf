output "private_subnet_ids" {
  description = "Private subnets of the functions, MSK and RDS."
  value       = aws_subnet.private[*].id
}

output "function_security_group_id" {
  description = "Security group of the functions."
  value       = aws_security_group.function.id
}

output "msk_security_group_id" {
  description = "Security group of the MSK cluster."
  value       = aws_security_group.msk.id
}

output "db_security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.db.id
}
