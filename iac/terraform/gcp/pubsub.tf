# One topic per event type, and one dead-letter topic per consumer (taskflow.dlq.<consumer>), all keeping messages 7
# days. Ordering keys (the aggregate id) are set by the publisher; the subscriptions deliver them in order.
resource "google_pubsub_topic" "events" {
  for_each                   = toset(local.event_topics)
  name                       = each.value
  message_retention_duration = local.message_retention
  depends_on                 = [google_project_service.required]
}

resource "google_pubsub_topic" "dead_letters" {
  for_each                   = local.consumers
  name                       = "taskflow.dlq.${each.key}"
  message_retention_duration = local.message_retention
  depends_on                 = [google_project_service.required]
}

# Dead letters stay readable (and redrivable) through a pull subscription of their own; a topic without one drops them.
resource "google_pubsub_subscription" "dead_letters" {
  for_each                   = local.consumers
  name                       = "taskflow.dlq.${each.key}.hold"
  topic                      = google_pubsub_topic.dead_letters[each.key].id
  message_retention_duration = local.message_retention
  retain_acked_messages      = false
  ack_deadline_seconds       = 60

  expiration_policy {
    ttl = ""
  }
}

# Explicit push subscriptions, one per (consumer, topic), instead of the trigger's own: that one cannot carry a
# dead-letter policy. The push is unwrapped with its metadata written as headers, so the message's ce-* attributes
# arrive as a CloudEvents binary-mode request, which the Functions Framework hands to the consumer's CloudEvent
# function. A failed invocation is delivered again with backoff; after the last attempt Pub/Sub moves the message to
# the consumer's dead-letter topic (the application dead-letters sooner itself, with the error).
resource "google_pubsub_subscription" "consumer" {
  for_each                   = local.consumer_inputs
  name                       = "taskflow-${each.value.consumer}.${each.value.topic}"
  topic                      = google_pubsub_topic.events[each.value.topic].id
  ack_deadline_seconds       = 60
  message_retention_duration = local.message_retention
  enable_message_ordering    = true

  push_config {
    push_endpoint = google_cloudfunctions2_function.consumer[each.value.consumer].service_config[0].uri

    oidc_token {
      service_account_email = google_service_account.pusher.email
      audience              = google_cloudfunctions2_function.consumer[each.value.consumer].service_config[0].uri
    }

    no_wrapper {
      write_metadata = true
    }
  }

  retry_policy {
    minimum_backoff = var.pubsub_min_backoff
    maximum_backoff = var.pubsub_max_backoff
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letters[each.value.consumer].id
    max_delivery_attempts = var.pubsub_max_delivery_attempts
  }

  expiration_policy {
    ttl = ""
  }
}

# Pub/Sub's own service agent moves messages to a dead-letter topic: it must publish there and acknowledge here.
locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic_iam_member" "dead_letter_forwarding" {
  for_each = local.consumers
  topic    = google_pubsub_topic.dead_letters[each.key].id
  role     = "roles/pubsub.publisher"
  member   = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_source" {
  for_each     = local.consumer_inputs
  subscription = google_pubsub_subscription.consumer[each.key].id
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}
