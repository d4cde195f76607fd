# One artifact, many functions: each names its handler class in the jar. The jar (about 75 MB) is above Lambda's
# 50 MB direct upload, so it goes through S3.
resource "aws_s3_bucket" "artifacts" {
  bucket_prefix = "${local.name}-artifacts-"
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_object" "artifact" {
  bucket = aws_s3_bucket.artifacts.id
  key    = "taskflow-aws-${filemd5(var.artifact)}.jar"
  source = var.artifact
  etag   = filemd5(var.artifact)
}
module "api" {
  source = "./modules/lambda_function"

  name               = "${local.name}-api"
  handler            = local.api_handler
  artifact_bucket    = aws_s3_object.artifact.bucket
  artifact_key       = aws_s3_object.artifact.key
  artifact_hash      = filebase64sha256(var.artifact)
  role_arn           = aws_iam_role.function["api"].arn
  memory_size        = var.api_memory_size
  timeout            = 29
  environment        = local.function_environment
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.function_security_group_id]
  log_retention_days = var.log_retention_days
}

module "consumer" {
  source   = "./modules/lambda_function"
  for_each = local.consumers

  name               = "${local.name}-${each.key}"
  handler            = each.value.handler
  artifact_bucket    = aws_s3_object.artifact.bucket
  artifact_key       = aws_s3_object.artifact.key
  artifact_hash      = filebase64sha256(var.artifact)
  role_arn           = aws_iam_role.function[each.key].arn
  memory_size        = var.consumer_memory_size
  timeout            = 120
  environment        = local.function_environment
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.function_security_group_id]
  log_retention_days = var.log_retention_days
}

module "scheduled" {
  source   = "./modules/lambda_function"
  for_each = local.schedules

  name               = "${local.name}-${each.key}"
  handler            = each.value.handler
  artifact_bucket    = aws_s3_object.artifact.bucket
  artifact_key       = aws_s3_object.artifact.key
  artifact_hash      = filebase64sha256(var.artifact)
  role_arn           = aws_iam_role.function[each.key].arn
  memory_size        = var.scheduled_memory_size
  timeout            = 300
  environment        = local.function_environment
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.function_security_group_id]
  log_retention_days = var.log_retention_days
}
