# Least privilege: one role per function, each allowed only what its function does.
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  function_roles = toset(concat(["api"], keys(local.consumers), keys(local.schedules)))
  cluster_uuid   = split("/", aws_msk_serverless_cluster.this.arn)[2]
  msk_topic_arn  = "arn:${data.aws_partition.current.partition}:kafka:${var.region}:${data.aws_caller_identity.current.account_id}:topic/${local.name}/${local.cluster_uuid}"
  msk_group_arn  = "arn:${data.aws_partition.current.partition}:kafka:${var.region}:${data.aws_caller_identity.current.account_id}:group/${local.name}/${local.cluster_uuid}"
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each           = local.function_roles
  name               = "${local.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# Logs and the network interfaces a function in a VPC needs.
resource "aws_iam_role_policy_attachment" "vpc_access" {
  for_each   = local.function_roles
  role       = aws_iam_role.function[each.key].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

# Every function: read its two secrets, and publish to the event topics (post-commit flush, dead letters).
data "aws_iam_policy_document" "function" {
  statement {
    sid       = "ReadSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.jwt_signing_secret.arn, aws_secretsmanager_secret.encryption_key.arn, aws_db_instance.this.master_user_secret[0].secret_arn]
  }

  statement {
    sid       = "ConnectToMsk"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_serverless_cluster.this.arn]
  }

  statement {
    sid     = "PublishEventsAndDeadLetters"
    actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
    resources = concat(
      [for t in local.event_topics : "${local.msk_topic_arn}/${t}"],
      [for t in local.consumer_topics : "${local.msk_topic_arn}/${t}"],
    )
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.function_roles
  name     = "taskflow"
  role     = aws_iam_role.function[each.key].id
  policy   = data.aws_iam_policy_document.function.json
}

# Consumers only: what the MSK event source mapping does with the function's role (read its topics in its own
# groups, describe the cluster's network, write failed batches to the bucket).
data "aws_iam_policy_document" "consumer" {
  for_each = local.consumers

  statement {
    sid     = "ReadOwnTopics"
    actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = [
      for t in concat(each.value.topics, ["taskflow.redrive.${each.key}"]) : "${local.msk_topic_arn}/${t}"
    ]
  }

  statement {
    sid       = "OwnConsumerGroups"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.msk_group_arn}/taskflow-${each.key}-*"]
  }

  statement {
    sid = "EventSourceMappingNetwork"
    actions = [
      "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers",
      "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
      "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "FailedBatchesToS3"
    actions   = ["s3:PutObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.failed_batches.arn, "${aws_s3_bucket.failed_batches.arn}/*"]
  }
}

resource "aws_iam_role_policy" "consumer" {
  for_each = local.consumers
  name     = "taskflow-consumer"
  role     = aws_iam_role.function[each.key].id
  policy   = data.aws_iam_policy_document.consumer[each.key].json
}

# EventBridge Scheduler: invoke the scheduled functions and nothing else, and park failed runs.
data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${local.name}-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [for f in module.scheduled : f.alias_arn]
  }

  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.schedule_failures.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-scheduled-functions"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}
