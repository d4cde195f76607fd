#!/bin/sh
# Backs up Taskflow's PostgreSQL database: one consistent snapshot (pg_dump, custom format, compressed) written to
# <dir>/taskflow-<database>-<UTC timestamp>.dump, with its SHA-256 in <file>.sha256 beside it.
#
#   ops/backup.sh [dir]          (default dir: ./backups)
#
# Connection from the standard libpq variables: PGHOST, PGPORT, PGUSER, PGDATABASE (default taskflow), and
# PGPASSWORD or ~/.pgpass. TASKFLOW_BACKUP_KEEP=<n> deletes all but the newest n backups of that database.
# POSIX sh, so it also runs inside the postgres container of the compose stack:
#   docker-compose -f local/docker-compose.yml exec postgres /ops/backup.sh /backups
set -eu

dir=${1:-./backups}
db=${PGDATABASE:-taskflow}
export PGDATABASE="$db"
mkdir -p "$dir"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$dir/taskflow-$db-$stamp.dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT INT TERM

# The dump reads one snapshot: every table as of the same instant, while the application keeps writing.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" "$db"
mv "$partial" "$file"
(cd "$dir" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")

echo "backup: $file ($(wc -c < "$file" | tr -d ' ') bytes, sha256 $(cut -d' ' -f1 < "$file.sha256"))"

if [ -n "${TASKFLOW_BACKUP_KEEP:-}" ]; then
  # Names sort by time: drop everything before the newest n.
  ls -1 "$dir"/taskflow-"$db"-*.dump | sort -r | tail -n +"$((TASKFLOW_BACKUP_KEEP + 1))" | while read -r old; do
    rm -f "$old" "$old.sha256"
    echo "backup: removed $old"
  done
fi
