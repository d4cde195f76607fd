# The application's named secrets live under "<name>/": the functions read "<name>/jwt-signing-secret" and
# "<name>/encryption-key".
# The key is generated here (48 random characters); no value is written in this configuration.
resource "random_password" "jwt_signing_secret" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "jwt_signing_secret" {
  name        = "${local.name}/jwt-signing-secret"
  description = "HS256 key that signs Taskflow access tokens"
}

resource "aws_secretsmanager_secret_version" "jwt_signing_secret" {
  secret_id     = aws_secretsmanager_secret.jwt_signing_secret.id
  secret_string = random_password.jwt_signing_secret.result
}

# Encrypts webhook secrets at rest (AES-256-GCM): the Base64 of 32 random bytes, generated here.
resource "random_bytes" "encryption_key" {
  length = 32
}

resource "aws_secretsmanager_secret" "encryption_key" {
  name        = "${local.name}/encryption-key"
  description = "AES key that encrypts webhook secrets at rest"
}

resource "aws_secretsmanager_secret_version" "encryption_key" {
  secret_id     = aws_secretsmanager_secret.encryption_key.id
  secret_string = random_bytes.encryption_key.base64
}
