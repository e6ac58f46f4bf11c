#!/usr/bin/env bash
# Starts Schoolgate on Payara Micro. Used by the run command (mvn -Prun package) and usable on a
# server: every setting comes from the environment, with demo defaults where nothing is set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${SCHOOLGATE_TARGET:-$here/../target}"
data_dir="${SCHOOLGATE_DATA_DIR:-${SCHOOLGATE_DEFAULT_DATA_DIR:-$HOME/.schoolgate}}"
port="${SCHOOLGATE_HTTP_PORT:-8080}"
mkdir -p "$data_dir"

if [ -z "${SCHOOLGATE_DB_URL:-}" ]; then
  # Zero-setup demo: an embedded H2 database in the data folder, kept between runs.
  export SCHOOLGATE_DB_URL="jdbc:h2:file:$data_dir/db/schoolgate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  export SCHOOLGATE_DB_DATASOURCE="org.h2.jdbcx.JdbcDataSource"
  export SCHOOLGATE_DB_USER="${SCHOOLGATE_DB_USER:-sa}"
  export SCHOOLGATE_DB_PASSWORD="${SCHOOLGATE_DB_PASSWORD:-sa}"
  export SCHOOLGATE_DEMO_ENABLED="${SCHOOLGATE_DEMO_ENABLED:-true}"
  export SCHOOLGATE_DEV_OUTBOX="${SCHOOLGATE_DEV_OUTBOX:-true}"
  echo "Schoolgate: demo mode, embedded database in $data_dir/db"
else
  export SCHOOLGATE_DB_DATASOURCE="${SCHOOLGATE_DB_DATASOURCE:-org.postgresql.ds.PGSimpleDataSource}"
  # EclipseLink binds an empty UUID column as text; PostgreSQL must be told to infer the type.
  case "$SCHOOLGATE_DB_URL" in
    jdbc:postgresql:*stringtype=*) ;;
    jdbc:postgresql:*\?*) export SCHOOLGATE_DB_URL="$SCHOOLGATE_DB_URL&stringtype=unspecified" ;;
    jdbc:postgresql:*) export SCHOOLGATE_DB_URL="$SCHOOLGATE_DB_URL?stringtype=unspecified" ;;
  esac
  echo "Schoolgate: database ${SCHOOLGATE_DB_URL%%\?*}"
fi
export SCHOOLGATE_DB_POOL_SIZE="${SCHOOLGATE_DB_POOL_SIZE:-32}"

# Outgoing email (docs/email.md). The defaults only let the mail session be created: a local relay
# without sign-in that nothing needs to run, since the demo keeps email in the dev outbox.
export SCHOOLGATE_SMTP_HOST="${SCHOOLGATE_SMTP_HOST:-localhost}"
export SCHOOLGATE_SMTP_PORT="${SCHOOLGATE_SMTP_PORT:-2525}"
export SCHOOLGATE_SMTP_STARTTLS="${SCHOOLGATE_SMTP_STARTTLS:-false}"
export SCHOOLGATE_MAIL_FROM="${SCHOOLGATE_MAIL_FROM:-no-reply@localhost}"
export SCHOOLGATE_SMTP_USER="${SCHOOLGATE_SMTP_USER:-}"
export SCHOOLGATE_SMTP_PASSWORD="${SCHOOLGATE_SMTP_PASSWORD:-}"
# Sign in to the mail server only when a user is given.
if [ -n "$SCHOOLGATE_SMTP_USER" ]; then export SCHOOLGATE_SMTP_AUTH=true; else export SCHOOLGATE_SMTP_AUTH=false; fi
for setting in SCHOOLGATE_SMTP_HOST SCHOOLGATE_SMTP_PORT SCHOOLGATE_MAIL_FROM SCHOOLGATE_SMTP_USER SCHOOLGATE_SMTP_PASSWORD; do
  case "${!setting}" in
    *[[:space:]]*) echo "Schoolgate: $setting must not contain spaces (see docs/email.md)" >&2; exit 1 ;;
  esac
done

# Payara's runtime folder holds no data of ours (the database is elsewhere). Starting it afresh
# stops Payara redeploying the previous WAR beside the one given with --deploy.
rm -rf "$data_dir/payara"

exec java ${SCHOOLGATE_JAVA_OPTS:--Xmx1g} -jar "$target/runtime/payara-micro.jar" \
  --nocluster --disablephonehome \
  --rootdir "$data_dir/payara" \
  --port "$port" \
  --contextroot / \
  --addlibs "$target/runtime/postgresql.jar" \
  --postbootcommandfile "$here/post-boot.asadmin" \
  --deploy "$target/schoolgate.war"
