#!/usr/bin/env bash
# The long fault run: 100,000 creates through the API while the Kafka broker is stopped and started again three
# times, then every row, topic event and consumer effect matched one for one (BrokerRestartFaultIT in its long mode).
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and a JDK 17; takes a few minutes.
#
#   bench/faults/run.sh [creates] [broker restarts]
#   MVN_FLAGS=-o bench/faults/run.sh      # offline, when ~/.m2 holds everything
#
# Prints one parseable line, also kept in bench/faults/last-result.txt:
#   FAULTS broker-restart restarts=3 attempted=100000 accepted=100000 tasks=100000 events=100000
#     committedButFailed=0 duplicatesOnTopics=0 seconds=…
set -euo pipefail
cd "$(dirname "$0")/../.."
CREATES="${1:-100000}"
RESTARTS="${2:-3}"
LOG="$(mktemp -t taskflow-faults-XXXX.log)"

# shellcheck disable=SC2086 # MVN_FLAGS holds separate options
./mvnw -B -q ${MVN_FLAGS:-} -pl adapters/local-kafka -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dit.test=BrokerRestartFaultIT -Dfailsafe.skipAfterFailureCount=1 \
  -Dtaskflow.faults.creates="$CREATES" -Dtaskflow.faults.broker-restarts="$RESTARTS" >"$LOG" 2>&1 || {
  echo "the long fault run failed; see $LOG and adapters/local-kafka/target/failsafe-reports-postgres/" >&2
  exit 1
}
RESULT="$(grep -h '^FAULTS broker-restart' adapters/local-kafka/target/failsafe-reports-postgres/*BrokerRestartFaultIT-output.txt \
  2>/dev/null || grep -h '^FAULTS broker-restart' "$LOG")"
echo "$RESULT" | tee bench/faults/last-result.txt
