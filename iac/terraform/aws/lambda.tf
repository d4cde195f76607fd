# One artifact, many functions: each names its handler class in the jar.
module "api" {
  source = "./modules/lambda_function"

  name               = "${local.name}-api"
  handler            = local.api_handler
  artifact           = var.artifact
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
  artifact           = var.artifact
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
  artifact           = var.artifact
  role_arn           = aws_iam_role.function[each.key].arn
  memory_size        = var.scheduled_memory_size
  timeout            = 300
  environment        = local.function_environment
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.function_security_group_id]
  log_retention_days = var.log_retention_days
}
