# MSK Serverless: IAM authentication only, which is what the functions and the event source mappings use.
resource "aws_msk_serverless_cluster" "this" {
  cluster_name = local.name

  vpc_config {
    subnet_ids         = module.network.private_subnet_ids
    security_group_ids = [module.network.msk_security_group_id]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }
}

data "aws_msk_bootstrap_brokers" "this" {
  cluster_arn = aws_msk_serverless_cluster.this.arn
}

resource "kafka_topic" "events" {
  for_each = toset(local.event_topics)

  name               = each.value
  partitions         = 3
  replication_factor = 3
  config = {
    "retention.ms" = "604800000"
  }
}

resource "kafka_topic" "consumers" {
  for_each = toset(local.consumer_topics)

  name               = each.value
  partitions         = 3
  replication_factor = 3
  config = {
    "retention.ms" = "604800000"
  }
}
