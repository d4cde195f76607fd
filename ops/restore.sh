#!/bin/sh
# Restores a backup made by ops/backup.sh into a database, after checking the file against its SHA-256.
#
#   ops/restore.sh <file.dump> [database]      (default database: PGDATABASE, else taskflow)
#
# The target database is created when it does not exist. When it exists and holds tables, the restore stops, unless
# TASKFLOW_RESTORE_REPLACE=yes: then it is dropped (connections closed) and created again. The restore runs in one
# transaction: it succeeds whole or leaves the new database empty. Connection as for backup.sh (PGHOST, PGPORT,
# PGUSER, PGPASSWORD); the user needs CREATEDB. Stop the application first (or point it at the new database after).
set -eu

file=${1:?usage: ops/restore.sh <file.dump> [database]}
db=${2:-${PGDATABASE:-taskflow}}

[ -f "$file" ] || { echo "restore: no such file: $file" >&2; exit 2; }
[ -f "$file.sha256" ] || { echo "restore: no checksum file $file.sha256" >&2; exit 2; }
expected=$(cut -d' ' -f1 < "$file.sha256")
actual=$(sha256sum "$file" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  echo "restore: $file does not match its checksum (expected $expected, got $actual); not restoring" >&2
  exit 3
fi
echo "restore: checksum ok ($actual)"

# Reach the server through its maintenance database; the target may not exist yet.
admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
exists=$(admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")
if [ "$exists" = "1" ]; then
  tables=$(psql -X -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" -d "$db")
  if [ "$tables" != "0" ]; then
    if [ "${TASKFLOW_RESTORE_REPLACE:-}" != "yes" ]; then
      echo "restore: database $db holds $tables tables; set TASKFLOW_RESTORE_REPLACE=yes to replace it" >&2
      exit 4
    fi
    echo "restore: dropping database $db"
    admin -c "DROP DATABASE \"$db\" WITH (FORCE)"
    exists=""
  fi
fi
if [ "$exists" != "1" ]; then
  admin -c "CREATE DATABASE \"$db\""
fi

pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$db" "$file"
rows=$(psql -X -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" -d "$db")
echo "restore: $file restored into $db ($rows tables)"
