#!/usr/bin/env bash
# Cold start of the AWS API function, measured on this machine: each run is a fresh JVM that makes the handler (the
# Lambda init phase: application context, Flyway check, database pool, Secrets Manager) and replays one captured API
# Gateway request through it (the first invocation). Not a Lambda: no SnapStart restore, no Lambda CPU share.
#
#   bench/aws/cold-start.sh [runs]        (default 5)
#
# Needs: the jar (built here if missing), PostgreSQL on 127.0.0.1:5432 (trust), moto_server for Secrets Manager
# (without it the JWT key is given as a variable and Secrets Manager is off). Prints one `cold_start …` line per run,
# then `summary runs=N init_ms_median=… first_invocation_ms_median=… total_ms_median=…`.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
JAR=adapters/aws/target/taskflow-aws.jar
PAYLOAD=bench/aws/payloads/api-login.json
DB=taskflow_aws_bench

[ -f "$JAR" ] || ./mvnw -q -B -pl adapters/aws -am package -DskipTests

psql -h 127.0.0.1 -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"

export TASKFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TASKFLOW_DB_USER=postgres
# No broker is needed: the replayed request (a refused login) writes no event, so nothing is published.
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 TASKFLOW_MSK_IAM_AUTH=false
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
KEY="bench-signing-secret-0123456789abcdef0123456789"
ENC="$(head -c 32 /dev/urandom | base64)"

MOTO_PID=
MOTO=$(command -v moto_server || ls /root/.pyenv/shims/moto_server 2>/dev/null || true)
if [ -n "$MOTO" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$MOTO" -H 127.0.0.1 -p "$PORT" >/dev/null 2>&1 &
  MOTO_PID=$!
  trap 'kill $MOTO_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT" && break; sleep 0.1; done
  # moto routes a request to a service by the credential scope of its (unchecked) signature.
  curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT" -H 'X-Amz-Target: secretsmanager.CreateSecret' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0' \
    -H 'Content-Type: application/x-amz-json-1.1' -d "{\"Name\":\"taskflow/jwt-signing-secret\",\"SecretString\":\"$KEY\"}"
  curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT" -H 'X-Amz-Target: secretsmanager.CreateSecret' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0' \
    -H 'Content-Type: application/x-amz-json-1.1' -d "{\"Name\":\"taskflow/encryption-key\",\"SecretString\":\"$ENC\"}"
  export TASKFLOW_AWS_ENDPOINT_OVERRIDE="http://127.0.0.1:$PORT"
else
  export TASKFLOW_AWS_SECRETS_ENABLED=false TASKFLOW_SECRET_JWT_SIGNING_SECRET="$KEY" TASKFLOW_SECRET_ENCRYPTION_KEY="$ENC"
fi

LINES=()
for i in $(seq 1 "$RUNS"); do
  # The JVM options the Terraform gives the functions (JAVA_TOOL_OPTIONS).
  line=$(java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$JAR" \
    io.taskflow.adapters.aws.replay.Replay io.taskflow.adapters.aws.http.ApiHandler "$PAYLOAD" 2>>/tmp/taskflow-aws-cold-start.log \
    | grep '^cold_start ')
  echo "$line run=$i"
  LINES+=("$line")
done

printf '%s\n' "${LINES[@]}" | awk -v runs="$RUNS" '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]][NR] = kv[2] } }
  function median(name,   n, a, k) { n = 0; for (k in v[name]) a[++n] = v[name][k]; asort(a); return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    for (r = 1; r <= NR; r++) v["total_ms"][r] = v["jvm_ms"][r] + v["init_ms"][r] + v["first_invocation_ms"][r]
    printf "summary runs=%d jvm_ms_median=%s init_ms_median=%s first_invocation_ms_median=%s total_ms_median=%s\n",
      runs, median("jvm_ms"), median("init_ms"), median("first_invocation_ms"), median("total_ms")
  }'
