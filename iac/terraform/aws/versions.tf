terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    # Kafka topics on MSK Serverless, created through the cluster's IAM-authenticated endpoint.
    kafka = {
      source  = "Mongey/kafka"
      version = "~> 0.8"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      application = "taskflow"
      environment = var.environment
    }
  }
}

# Topics are created through the cluster itself: the host running terraform must reach the brokers (a bastion, a
# VPN or a CI runner in the VPC), and the cluster must exist first (docs/deploy-aws.md: the two-step apply).
provider "kafka" {
  bootstrap_servers = split(",", data.aws_msk_bootstrap_brokers.this.bootstrap_brokers_sasl_iam)
  tls_enabled       = true
  sasl_mechanism    = "aws-iam"
  sasl_aws_region   = var.region
}
