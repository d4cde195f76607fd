variable "name" {
  description = "Prefix of the network's resource names."
  type        = string
}

variable "region" {
  description = "Region, for the VPC endpoints' service names."
  type        = string
}

variable "cidr_block" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "Availability zones, one private subnet each."
  type        = list(string)
}

variable "enable_nat_gateway" {
  description = "Add a NAT gateway (one, in the first zone) for outbound internet access."
  type        = bool
}
