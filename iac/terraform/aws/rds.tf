# RDS PostgreSQL. Its master password is generated and kept by RDS in Secrets Manager (manage_master_user_password):
# it appears nowhere in this configuration or its state, and the functions read it from the secret at start.
resource "aws_db_subnet_group" "this" {
  name       = local.name
  subnet_ids = module.network.private_subnet_ids
}

resource "aws_db_instance" "this" {
  identifier                  = local.name
  engine                      = "postgres"
  engine_version              = var.db_engine_version
  instance_class              = var.db_instance_class
  allocated_storage           = var.db_allocated_storage
  db_name                     = var.db_name
  username                    = var.db_username
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.this.name
  vpc_security_group_ids      = [module.network.db_security_group_id]
  storage_encrypted           = true
  multi_az                    = var.db_multi_az
  backup_retention_period     = 7
  deletion_protection         = var.environment == "prod"
  skip_final_snapshot         = var.environment != "prod"
  final_snapshot_identifier   = "${local.name}-final"
}
