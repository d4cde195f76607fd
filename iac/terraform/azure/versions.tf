terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.21 brought azurerm_function_app_flex_consumption.
      version = "~> 4.21"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {
    key_vault {
      # A destroyed vault stays soft-deleted (and its name taken) for the retention period rather than purged.
      purge_soft_delete_on_destroy = false
    }
  }
  subscription_id = var.subscription_id
}
