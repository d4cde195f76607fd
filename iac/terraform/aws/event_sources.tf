# What the MSK trigger does on failure (docs/deploy-aws.md has the detail):
# - the function answers a partial batch response: the records to deliver again (a failed event and the later
#   events of its key); Lambda resumes each partition from the lowest offset reported;
# - the function counts the attempts and dead-letters an event to taskflow.dlq.<consumer> itself on the last one of
#   its retry policy (5 by default), so maximum_retry_attempts below is a backstop above that policy;
# - a batch Lambda still gives up on (function crashing or timing out every time) goes to the S3 failure destination
#   with its records, never dropped silently.
resource "aws_lambda_event_source_mapping" "consumer" {
  for_each = local.consumer_inputs

  event_source_arn  = aws_msk_serverless_cluster.this.arn
  function_name     = module.consumer[each.value.consumer].alias_arn
  topics            = [each.value.topic]
  starting_position = "TRIM_HORIZON"
  batch_size        = var.consumer_batch_size

  maximum_batching_window_in_seconds = 1

  amazon_managed_kafka_event_source_config {
    consumer_group_id = "taskflow-${each.value.consumer}-${each.value.topic}"
  }

  function_response_types = ["ReportBatchItemFailures"]
  maximum_retry_attempts  = var.consumer_max_retry_attempts

  # Error handling controls (retries, partial batch responses, failure destinations) need provisioned pollers.
  provisioned_poller_config {
    minimum_pollers = 1
    maximum_pollers = var.consumer_max_pollers
  }

  destination_config {
    on_failure {
      destination_arn = aws_s3_bucket.failed_batches.arn
    }
  }

  depends_on = [kafka_topic.events, kafka_topic.consumers]
}

# Batches the MSK triggers gave up on, whole (records and metadata), for inspection and replay.
resource "aws_s3_bucket" "failed_batches" {
  bucket_prefix = "${local.name}-failed-batches-"
  force_destroy = var.environment != "prod"
}

resource "aws_s3_bucket_public_access_block" "failed_batches" {
  bucket                  = aws_s3_bucket.failed_batches.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "failed_batches" {
  bucket = aws_s3_bucket.failed_batches.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
