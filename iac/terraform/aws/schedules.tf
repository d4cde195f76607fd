resource "aws_scheduler_schedule_group" "this" {
  name = local.name
}

resource "aws_scheduler_schedule" "job" {
  for_each = local.schedules

  name                         = "${local.name}-${each.key}"
  group_name                   = aws_scheduler_schedule_group.this.name
  schedule_expression          = each.value.expression
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.scheduled[each.key].alias_arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ job = each.key, scheduledTime = "<aws.scheduler.scheduled-time>" })

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 2
    }

    dead_letter_config {
      arn = aws_sqs_queue.schedule_failures.arn
    }
  }
}

# Runs the scheduler could not deliver after its retries.
resource "aws_sqs_queue" "schedule_failures" {
  name                      = "${local.name}-schedule-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue_policy" "schedule_failures" {
  queue_url = aws_sqs_queue.schedule_failures.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.schedule_failures.arn
      Condition = { ArnEquals = { "aws:SourceArn" = [for s in aws_scheduler_schedule.job : s.arn] } }
    }]
  })
}
