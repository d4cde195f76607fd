resource "azurerm_log_analytics_workspace" "this" {
  name                = "${local.name}-logs"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = local.tags
}

resource "azurerm_application_insights" "this" {
  name                = "${local.name}-insights"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "java"
  tags                = local.tags
}

resource "azurerm_monitor_action_group" "alerts" {
  name                = "${local.name}-alerts"
  resource_group_name = azurerm_resource_group.this.name
  short_name          = "taskflow"

  dynamic "email_receiver" {
    for_each = toset(var.alert_emails)
    content {
      name          = replace(email_receiver.value, "/[^A-Za-z0-9]/", "-")
      email_address = email_receiver.value
    }
  }

  tags = local.tags
}

# The alert rules of local/prometheus/alerts.yml under the same names, over what Application Insights keeps of the
# function app: its requests (the HTTP trigger's answers) and its log lines (docs/deploy-azure.md maps each condition
# to what carries it here). All notify one action group.
locals {
  query_alerts = {
    # The outbox sweep timer logs a line every minute: none for 5 minutes means the app is not running.
    TaskflowInstanceDown = {
      description = "The function app has not run its every-minute sweep for 5 minutes (docs/runbooks/TaskflowInstanceDown.md)"
      severity    = 0
      window      = "PT5M"
      frequency   = "PT1M"
      query       = <<-KQL
        traces
        | where message startswith "job=outbox-sweep"
        | summarize runs = count()
        | where runs == 0
      KQL
    }
    TaskflowHighErrorRate = {
      description = "More than 5 % of API requests fail with a 5xx (docs/runbooks/TaskflowHighErrorRate.md)"
      severity    = 0
      window      = "PT5M"
      frequency   = "PT1M"
      query       = <<-KQL
        requests
        | where operation_Name == "api" and url !contains "/health/" and url !endswith "/prometheus"
        | summarize total = count(), errors = countif(toint(resultCode) >= 500)
        | where total > 30 and todouble(errors) / total > 0.05
      KQL
    }
    # The fast window of the latency objective: over 1 h and over 5 min, slow (> 500 ms) or failed requests burn
    # the 99 % objective's budget at more than 14.4 times the sustainable rate.
    TaskflowApiLatencySloBurn_fast = {
      description = "The API spends its error budget more than 14.4 times too fast over 1 h (docs/runbooks/TaskflowApiLatencySloBurn.md)"
      severity    = 0
      window      = "PT1H"
      frequency   = "PT5M"
      query       = <<-KQL
        requests
        | where operation_Name == "api" and url !contains "/health/" and url !endswith "/prometheus"
        | summarize long_burn = (countif(duration > 500 or toint(resultCode) >= 500) * 1.0 / count()) / 0.01,
                    short_burn = (countif(timestamp > ago(5m) and (duration > 500 or toint(resultCode) >= 500)) * 1.0
                                  / max_of(countif(timestamp > ago(5m)), 1)) / 0.01
        | where long_burn > 14.4 and short_burn > 14.4
      KQL
    }
    TaskflowApiLatencySloBurn_slow = {
      description = "The API spends its error budget more than 6 times too fast over 6 h (docs/runbooks/TaskflowApiLatencySloBurn.md)"
      severity    = 2
      window      = "PT6H"
      frequency   = "PT15M"
      query       = <<-KQL
        requests
        | where operation_Name == "api" and url !contains "/health/" and url !endswith "/prometheus"
        | summarize long_burn = (countif(duration > 500 or toint(resultCode) >= 500) * 1.0 / count()) / 0.01,
                    short_burn = (countif(timestamp > ago(30m) and (duration > 500 or toint(resultCode) >= 500)) * 1.0
                                  / max_of(countif(timestamp > ago(30m)), 1)) / 0.01
        | where long_burn > 6 and short_burn > 6
      KQL
    }
    # The sweep logs "outbox_backlog pending=<n> oldest_age_seconds=<s>" every minute.
    TaskflowOutboxBacklogOld = {
      description = "An event has waited in the outbox for more than 5 minutes (docs/runbooks/TaskflowOutboxBacklogOld.md)"
      severity    = 0
      window      = "PT5M"
      frequency   = "PT1M"
      query       = <<-KQL
        traces
        | where message startswith "outbox_backlog"
        | parse message with * "oldest_age_seconds=" age:long
        | summarize oldest = min(age)
        | where oldest > 300
      KQL
    }
    # Each delivered batch logs "consumer_batch consumer=<c> … oldest_age_seconds=<s>": how long its oldest event
    # waited in the hub. Event Hubs has no committed-offset lag to read, so the lag is measured in time.
    TaskflowConsumerLagHigh = {
      description = "A consumer's batches have carried events older than 5 minutes for 10 minutes (docs/runbooks/TaskflowConsumerLagHigh.md)"
      severity    = 2
      window      = "PT10M"
      frequency   = "PT5M"
      query       = <<-KQL
        traces
        | where message startswith "consumer_batch"
        | parse message with * "consumer=" consumer:string " " * "oldest_age_seconds=" age:long
        | summarize youngest = min(age) by consumer
        | where youngest > 300
      KQL
    }
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowInstanceDown" {
  name                 = "${local.name}-TaskflowInstanceDown"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowInstanceDown.description
  severity             = local.query_alerts.TaskflowInstanceDown.severity
  window_duration      = local.query_alerts.TaskflowInstanceDown.window
  evaluation_frequency = local.query_alerts.TaskflowInstanceDown.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowInstanceDown.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowHighErrorRate" {
  name                 = "${local.name}-TaskflowHighErrorRate"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowHighErrorRate.description
  severity             = local.query_alerts.TaskflowHighErrorRate.severity
  window_duration      = local.query_alerts.TaskflowHighErrorRate.window
  evaluation_frequency = local.query_alerts.TaskflowHighErrorRate.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowHighErrorRate.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 5
      number_of_evaluation_periods             = 5
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowApiLatencySloBurn_fast" {
  name                 = "${local.name}-TaskflowApiLatencySloBurn-fast"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowApiLatencySloBurn_fast.description
  severity             = local.query_alerts.TaskflowApiLatencySloBurn_fast.severity
  window_duration      = local.query_alerts.TaskflowApiLatencySloBurn_fast.window
  evaluation_frequency = local.query_alerts.TaskflowApiLatencySloBurn_fast.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowApiLatencySloBurn_fast.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowApiLatencySloBurn_slow" {
  name                 = "${local.name}-TaskflowApiLatencySloBurn-slow"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowApiLatencySloBurn_slow.description
  severity             = local.query_alerts.TaskflowApiLatencySloBurn_slow.severity
  window_duration      = local.query_alerts.TaskflowApiLatencySloBurn_slow.window
  evaluation_frequency = local.query_alerts.TaskflowApiLatencySloBurn_slow.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowApiLatencySloBurn_slow.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowOutboxBacklogOld" {
  name                 = "${local.name}-TaskflowOutboxBacklogOld"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowOutboxBacklogOld.description
  severity             = local.query_alerts.TaskflowOutboxBacklogOld.severity
  window_duration      = local.query_alerts.TaskflowOutboxBacklogOld.window
  evaluation_frequency = local.query_alerts.TaskflowOutboxBacklogOld.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowOutboxBacklogOld.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "TaskflowConsumerLagHigh" {
  name                 = "${local.name}-TaskflowConsumerLagHigh"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  description          = local.query_alerts.TaskflowConsumerLagHigh.description
  severity             = local.query_alerts.TaskflowConsumerLagHigh.severity
  window_duration      = local.query_alerts.TaskflowConsumerLagHigh.window
  evaluation_frequency = local.query_alerts.TaskflowConsumerLagHigh.frequency
  scopes               = [azurerm_application_insights.this.id]

  criteria {
    query                   = local.query_alerts.TaskflowConsumerLagHigh.query
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0

    dimension {
      name     = "consumer"
      operator = "Include"
      values   = ["*"]
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.alerts.id]
  }
}

# Anything written to a dead-letter hub: a consumer gave up on an event after its retries (or at once, for an event
# it cannot read). One alert per consumer, through the hub's name.
resource "azurerm_monitor_metric_alert" "TaskflowDeadLettersPresent" {
  name                = "${local.name}-TaskflowDeadLettersPresent"
  resource_group_name = azurerm_resource_group.this.name
  scopes              = [azurerm_eventhub_namespace.this.id]
  description         = "A consumer dead-lettered events (docs/runbooks/TaskflowDeadLettersPresent.md)"
  severity            = 2
  frequency           = "PT1M"
  window_size         = "PT5M"

  criteria {
    metric_namespace = "Microsoft.EventHub/namespaces"
    metric_name      = "IncomingMessages"
    aggregation      = "Total"
    operator         = "GreaterThan"
    threshold        = 0

    dimension {
      name     = "EntityName"
      operator = "Include"
      values   = local.dead_letter_hubs
    }
  }

  action {
    action_group_id = azurerm_monitor_action_group.alerts.id
  }

  tags = local.tags
}
