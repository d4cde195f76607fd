#!/usr/bin/env bash
# The benchmark in one command: builds the application and the harness, then measures.
#   bench/run.sh          the full run (several minutes); the report goes to bench/results/
#   bench/run.sh smoke    seconds of each step, as CI runs it; the report goes to bench/target/results/
#   bench/run.sh full --jfr   also records a flight recording of the application processes (paths in the report)
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth), pgbench, pg_dump, psql and wrk on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-full}"
shift || true
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.taskflow.bench.Harness \
  --profile "$profile" "$@"
