-- Webhook secrets are stored encrypted (AES-GCM, "enc:v1:<key id>:<Base64>", about 130 characters for a 32-byte
-- secret). Rows written before stay readable in clear and are rewritten encrypted when the application starts.
ALTER TABLE notification_preferences ALTER COLUMN webhook_secret SET DATA TYPE VARCHAR(400);
