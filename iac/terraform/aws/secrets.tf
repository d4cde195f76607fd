# The application's named secrets live under "<name>/": the functions read "<name>/jwt-signing-secret".
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
