# The alert rules of local/prometheus/alerts.yml, as CloudWatch alarms with the same names (docs/deploy-aws.md maps
# each condition to the metric that carries it here). All notify one SNS topic.
resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

# The API function itself failing (crash, timeout, out of memory): requests get no answer from the application.
resource "aws_cloudwatch_metric_alarm" "TaskflowInstanceDown" {
  alarm_name          = "${local.name}-TaskflowInstanceDown"
  alarm_description   = "The API function fails to run (docs/runbooks/TaskflowInstanceDown.md)"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = module.api.function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# More than 5 % of API requests answered 5xx for 5 minutes, with at least some traffic.
resource "aws_cloudwatch_metric_alarm" "TaskflowHighErrorRate" {
  alarm_name          = "${local.name}-TaskflowHighErrorRate"
  alarm_description   = "More than 5 % of API requests fail with a 5xx (docs/runbooks/TaskflowHighErrorRate.md)"
  evaluation_periods  = 5
  threshold           = 0.05
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "ratio"
    expression  = "IF(requests > 6, errors / requests, 0)"
    label       = "5xx ratio"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5xx"
      dimensions  = { ApiId = aws_apigatewayv2_api.this.id }
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = { ApiId = aws_apigatewayv2_api.this.id }
      period      = 60
      stat        = "Sum"
    }
  }
}

# The 99 % under 500 ms objective, burning fast: p99 above 500 ms over the last 5 minutes, twice in a row.
resource "aws_cloudwatch_metric_alarm" "TaskflowApiLatencySloBurn_fast" {
  alarm_name          = "${local.name}-TaskflowApiLatencySloBurn-fast"
  alarm_description   = "API p99 latency above 500 ms (docs/runbooks/TaskflowApiLatencySloBurn.md)"
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = { ApiId = aws_apigatewayv2_api.this.id }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 2
  threshold           = 500
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# ... and burning slowly: p99 above 500 ms for most of the last 6 hours.
resource "aws_cloudwatch_metric_alarm" "TaskflowApiLatencySloBurn_slow" {
  alarm_name          = "${local.name}-TaskflowApiLatencySloBurn-slow"
  alarm_description   = "API p99 latency above 500 ms for hours (docs/runbooks/TaskflowApiLatencySloBurn.md)"
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = { ApiId = aws_apigatewayv2_api.this.id }
  extended_statistic  = "p99"
  period              = 3600
  evaluation_periods  = 6
  datapoints_to_alarm = 4
  threshold           = 500
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

# The outbox sweep reports the oldest unpublished event's age every minute; no report at all is as bad.
resource "aws_cloudwatch_metric_alarm" "TaskflowOutboxBacklogOld" {
  alarm_name          = "${local.name}-TaskflowOutboxBacklogOld"
  alarm_description   = "An event has waited in the outbox for more than 5 minutes (docs/runbooks/TaskflowOutboxBacklogOld.md)"
  namespace           = "Taskflow"
  metric_name         = "OutboxOldestPendingAgeSeconds"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 300
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# A consumer dead-lettered an event (written by the function as it does so).
resource "aws_cloudwatch_metric_alarm" "TaskflowDeadLettersPresent" {
  for_each = local.consumers

  alarm_name          = "${local.name}-TaskflowDeadLettersPresent-${each.key}"
  alarm_description   = "The ${each.key} consumer dead-lettered events (docs/runbooks/TaskflowDeadLettersPresent.md)"
  namespace           = "Taskflow"
  metric_name         = "DeadLetters"
  dimensions          = { Consumer = each.key }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

# The MSK trigger's own lag metric: records behind the end of the topics, per consumer function.
resource "aws_cloudwatch_metric_alarm" "TaskflowConsumerLagHigh" {
  for_each = local.consumers

  alarm_name          = "${local.name}-TaskflowConsumerLagHigh-${each.key}"
  alarm_description   = "The ${each.key} consumer is more than 1000 records behind (docs/runbooks/TaskflowConsumerLagHigh.md)"
  namespace           = "AWS/Lambda"
  metric_name         = "OffsetLag"
  dimensions          = { FunctionName = module.consumer[each.key].function_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 10
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
