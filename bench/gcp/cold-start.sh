#!/usr/bin/env bash
# Cold start of the Google Cloud API function, measured on this machine: each run is a fresh JVM that makes the
# function (what an instance does at start: application context, Flyway check, database pool) and replays one captured
# HTTP request through it (the first invocation). Not Cloud Functions: no Cloud Run CPU share, no startup CPU boost.
#
#   bench/gcp/cold-start.sh [runs]        (default 5)
#
# Needs: the jar (built here if missing) and PostgreSQL on 127.0.0.1:5432 (trust). Secret Manager has no emulator: the
# JWT and encryption keys are given as variables and Secret Manager is off. Prints one `cold_start …` line per run,
# then `summary runs=N jvm_ms_median=… init_ms_median=… first_invocation_ms_median=… total_ms_median=…`.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
JAR=adapters/gcp/target/taskflow-gcp.jar
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
API_JAR="$REPO/com/google/cloud/functions/functions-framework-api/1.1.4/functions-framework-api-1.1.4.jar"
PAYLOAD=bench/gcp/payloads/api-login.json
DB=taskflow_gcp_bench

[ -f "$JAR" ] || ./mvnw -q -B -pl adapters/gcp -am package -DskipTests
[ -f "$API_JAR" ] || { echo "no $API_JAR: set MAVEN_REPO to the Maven repository the build used" >&2; exit 2; }

psql -h 127.0.0.1 -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"

export TASKFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" TASKFLOW_DB_USER=postgres
# No Pub/Sub is needed: the replayed request (a refused login) writes no event, so nothing is published.
export GOOGLE_CLOUD_PROJECT=bench TASKFLOW_PUBSUB_EMULATOR_HOST=127.0.0.1:9
export TASKFLOW_GCP_SECRETS_ENABLED=false
export TASKFLOW_SECRET_JWT_SIGNING_SECRET="bench-signing-secret-0123456789abcdef0123456789"
export TASKFLOW_SECRET_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"

LINES=()
for i in $(seq 1 "$RUNS"); do
  # The JVM options the Terraform gives the functions (JAVA_TOOL_OPTIONS).
  line=$(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$JAR:$API_JAR" \
    io.taskflow.adapters.gcp.replay.Replay io.taskflow.adapters.gcp.http.ApiFunction "$PAYLOAD" 2>>/tmp/taskflow-gcp-cold-start.log \
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
