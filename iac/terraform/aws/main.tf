# Taskflow on AWS: one root deploying the adapter's artifact (adapters/aws/target/taskflow-aws.jar) as Lambda
# functions behind API Gateway, fed by MSK Serverless and EventBridge Scheduler, backed by RDS PostgreSQL.

locals {
  name = "taskflow-${var.environment}"

  # The eight event types, one topic each (3 partitions, 7-day retention), as on every broker.
  event_topics = [
    "task.created",
    "task.updated",
    "task.completed",
    "task.deleted",
    "user.registered",
    "user.authenticated",
    "notification.sent",
    "reminder.triggered",
  ]
  topic_partitions   = 3
  topic_retention_ms = 604800000

  api_handler = "io.taskflow.adapters.aws.http.ApiHandler"

  # One function per consumer, triggered by one event source mapping per topic it reads (MSK allows one topic per
  # mapping) plus its redrive topic. The live feed needs open WebSocket connections: it runs in the container
  # runtime only.
  consumers = {
    notifications = {
      handler = "io.taskflow.adapters.aws.msk.NotificationsHandler"
      topics  = ["task.created", "task.updated", "task.completed", "task.deleted", "reminder.triggered", "user.authenticated"]
    }
    audit = {
      handler = "io.taskflow.adapters.aws.msk.AuditHandler"
      topics = [
        "task.created", "task.updated", "task.completed", "task.deleted",
        "user.registered", "user.authenticated", "notification.sent", "reminder.triggered",
      ]
    }
    analytics = {
      handler = "io.taskflow.adapters.aws.msk.AnalyticsHandler"
      topics  = ["task.created", "task.updated", "task.completed", "task.deleted"]
    }
    recurrence = {
      handler = "io.taskflow.adapters.aws.msk.RecurrenceHandler"
      topics  = ["task.completed"]
    }
  }

  # EventBridge Scheduler schedules, one function each. The input names the job and the time the run was meant for.
  schedules = {
    "outbox-sweep" = {
      handler    = "io.taskflow.adapters.aws.schedule.OutboxSweepHandler"
      expression = "rate(1 minute)"
    }
    reminders = {
      handler    = "io.taskflow.adapters.aws.schedule.ReminderSweepHandler"
      expression = "rate(1 minute)"
    }
    digest = {
      handler    = "io.taskflow.adapters.aws.schedule.DailyDigestHandler"
      expression = "cron(0 7 * * ? *)"
    }
    cleanup = {
      handler    = "io.taskflow.adapters.aws.schedule.CleanupHandler"
      expression = "cron(30 3 * * ? *)"
    }
  }

  # Each consumer's dead letters (kept by the function, with the error and attempt count) and redrive topic.
  consumer_topics = flatten([
    for consumer in keys(local.consumers) : ["taskflow.dlq.${consumer}", "taskflow.redrive.${consumer}"]
  ])

  # Every (consumer, topic) pair that gets an event source mapping, keyed "<consumer>:<topic>".
  consumer_input_list = flatten([
    for consumer, spec in local.consumers : [
      for topic in concat(spec.topics, ["taskflow.redrive.${consumer}"]) : { consumer = consumer, topic = topic }
    ]
  ])
  consumer_inputs = zipmap([for input in local.consumer_input_list : "${input.consumer}:${input.topic}"], local.consumer_input_list)

  # What every function is told; no secret among it, only where to find them.
  function_environment = {
    TASKFLOW_DB_URL               = "jdbc:postgresql://${aws_db_instance.this.endpoint}/${var.db_name}"
    TASKFLOW_AWS_SECRETS_DATABASE = aws_db_instance.this.master_user_secret[0].secret_arn
    TASKFLOW_SECRETS_PREFIX       = "${local.name}/"
    KAFKA_BOOTSTRAP_SERVERS       = data.aws_msk_bootstrap_brokers.this.bootstrap_brokers_sasl_iam
    TASKFLOW_ADMIN_EMAILS         = join(",", var.admin_emails)
    TASKFLOW_SMTP_HOST            = var.smtp_host
    TASKFLOW_SMTP_FROM            = var.smtp_from
    JAVA_TOOL_OPTIONS             = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }
}
