# The database commands of bin/hearth (db-start, db-stop, db-backup, db-restore): sourced by bin/hearth, which defines
# the settings (HEARTH_DB*, HEARTH_BACKUP_DIR) and helpers (say, fail, java_home, require_glassfish) used here.

# --- The Derby network server (HEARTH_DB=derby-network): the Derby bundled with GlassFish in javadb/lib. ---

derby_classpath() {
    local lib="$GLASSFISH_HOME/javadb/lib"
    echo "$lib/derby.jar:$lib/derbynet.jar:$lib/derbyshared.jar:$lib/derbytools.jar:$lib/derbyclient.jar"
}

derby_control() {
    "$AS_JAVA/bin/java" -cp "$(derby_classpath)" org.apache.derby.drda.NetworkServerControl "$@" \
        -h "$HEARTH_DB_HOST" -p "$HEARTH_DB_PORT"
}

derby_answers() { derby_control ping >/dev/null 2>&1; }

# Runs SQL statements with Derby's ij; fails when one of them fails (ij itself always exits 0).
derby_sql() {
    local url=$1 output
    shift
    output=$(printf '%s\n' "connect '$url';" "$@" "exit;" |
        "$AS_JAVA/bin/java" -Dderby.stream.error.file="$HEARTH_DERBY_HOME/ij-derby.log" -cp "$(derby_classpath)" org.apache.derby.tools.ij 2>&1)
    if grep -qE '(^|> )(ERROR|IJ ERROR)' <<<"$output"; then
        printf '%s\n' "$output" >&2
        return 1
    fi
}

db_start() {
    java_home
    require_glassfish
    if derby_answers; then
        say "the Derby network server already answers on $HEARTH_DB_HOST:$HEARTH_DB_PORT"
        return 0
    fi
    mkdir -p "$HEARTH_DERBY_HOME"
    say "starting the Derby network server on $HEARTH_DB_LISTEN:$HEARTH_DB_PORT (databases in $HEARTH_DERBY_HOME)"
    # Derby's own security manager is gone from JDK 24 on: the network server runs without it, on localhost by default.
    nohup "$AS_JAVA/bin/java" -Dderby.system.home="$HEARTH_DERBY_HOME" -Duser.timezone=UTC -cp "$(derby_classpath)" \
        -Dderby.language.sequence.preallocator=1000 org.apache.derby.drda.NetworkServerControl start -h "$HEARTH_DB_LISTEN" -p "$HEARTH_DB_PORT" -noSecurityManager \
        >>"$HEARTH_DERBY_HOME/network-server.log" 2>&1 </dev/null &
    echo $! >"$HEARTH_DERBY_HOME/network-server.pid"
    local tries
    for tries in $(seq 60); do
        derby_answers && { say "the Derby network server answers"; return 0; }
        kill -0 "$(cat "$HEARTH_DERBY_HOME/network-server.pid")" 2>/dev/null || break
        sleep 0.5
    done
    fail "the Derby network server did not start; see $HEARTH_DERBY_HOME/network-server.log"
}

db_stop() {
    java_home
    require_glassfish
    local pid_file="$HEARTH_DERBY_HOME/network-server.pid"
    derby_answers && derby_control shutdown >/dev/null 2>&1 || true
    if [[ -f "$pid_file" ]]; then
        local pid tries
        pid=$(cat "$pid_file")
        for tries in $(seq 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill "$pid" 2>/dev/null || true
        rm -f "$pid_file"
    fi
    say "the Derby network server on port $HEARTH_DB_PORT is stopped"
}

# An online backup: readers and writers go on while Derby copies a consistent snapshot.
derby_backup() {
    java_home
    require_glassfish
    derby_answers || fail "the Derby network server does not answer on $HEARTH_DB_HOST:$HEARTH_DB_PORT; start it with '$0 db-start'"
    local target
    target="$HEARTH_BACKUP_DIR/$HEARTH_DB_NAME-$(date -u +%Y-%m-%dT%H%M%SZ)"
    mkdir -p "$target"
    say "backing up database $HEARTH_DB_NAME into $target"
    derby_sql "jdbc:derby://$HEARTH_DB_HOST:$HEARTH_DB_PORT/$HEARTH_DB_NAME;user=$HEARTH_DB_USER;password=$HEARTH_DB_PASSWORD" \
        "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('$target');" || fail "the backup failed (see above)"
    [[ -f "$target/$HEARTH_DB_NAME/service.properties" ]] || fail "the backup in $target is incomplete"
    say "backup done: restore it with '$0 db-restore $target'"
}

# Restores a backup made by derby_backup. The database being replaced is kept beside it, renamed.
derby_restore() {
    local backup=${1:-}
    [[ -n "$backup" && -f "$backup/$HEARTH_DB_NAME/service.properties" ]] ||
        fail "usage: $0 db-restore DIR, where DIR is a folder db-backup wrote (it holds $HEARTH_DB_NAME/service.properties)"
    backup=$(cd "$backup" && pwd)
    java_home
    require_glassfish
    local was_running=false database="$HEARTH_DERBY_HOME/$HEARTH_DB_NAME"
    derby_answers && was_running=true
    [[ "$was_running" == true ]] && db_stop
    if [[ -d "$database" ]]; then
        local aside
        aside="$database-replaced-$(date -u +%Y-%m-%dT%H%M%SZ)"
        mv "$database" "$aside"
        say "the current database is kept in $aside"
    fi
    say "restoring database $HEARTH_DB_NAME from $backup"
    derby_sql "jdbc:derby:$database;restoreFrom=$backup/$HEARTH_DB_NAME" \
        "connect 'jdbc:derby:$database;shutdown=true';" >/dev/null 2>&1 || true
    [[ -f "$database/service.properties" ]] || fail "the restore failed; the previous database is still in ${aside:-(none)}"
    say "database restored"
    [[ "$was_running" == true ]] && db_start
    return 0
}

# --- PostgreSQL (HEARTH_DB=postgresql): pg_dump and pg_restore of the PostgreSQL client, as the account of Hearth. ---

# A PostgreSQL client program: from HEARTH_PG_BIN, the PATH, or the newest server package (Debian keeps it off the PATH).
postgres_program() {
    local name=$1 candidate
    if [[ -n "${HEARTH_PG_BIN:-}" ]]; then
        echo "$HEARTH_PG_BIN/$name"
        return 0
    fi
    if command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
        return 0
    fi
    candidate=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1)
    [[ -n "$candidate" ]] || fail "no $name found: install PostgreSQL's client (Debian: postgresql-client) or set HEARTH_PG_BIN"
    echo "$candidate"
}

# Runs a PostgreSQL client program against Hearth's database; the password goes through the environment, never argv.
postgres_client() {
    local program
    program=$(postgres_program "$1")
    shift
    PGPASSWORD="$HEARTH_DB_PASSWORD" "$program" -h "$HEARTH_DB_HOST" -p "$HEARTH_DB_PORT" -U "$HEARTH_DB_USER" "$@"
}

# An online backup: pg_dump reads one consistent snapshot while readers and writers go on.
postgres_backup() {
    local target
    mkdir -p "$HEARTH_BACKUP_DIR"
    target="$HEARTH_BACKUP_DIR/$HEARTH_DB_NAME-$(date -u +%Y-%m-%dT%H%M%SZ).dump"
    say "backing up PostgreSQL database $HEARTH_DB_NAME on $HEARTH_DB_HOST:$HEARTH_DB_PORT into $target"
    postgres_client pg_dump --format=custom --no-owner --file="$target.partial" "$HEARTH_DB_NAME" ||
        { rm -f "$target.partial"; fail "the backup failed (see above)"; }
    mv "$target.partial" "$target"
    say "backup done: restore it with '$0 db-restore $target'"
}

# Restores a dump made by postgres_backup in one transaction: until it commits, Hearth serves the data it replaces;
# when it fails, nothing changed.
postgres_restore() {
    local backup=${1:-}
    [[ -n "$backup" && -f "$backup" ]] || fail "usage: $0 db-restore FILE, where FILE is a dump db-backup wrote"
    postgres_program pg_restore >/dev/null
    postgres_client pg_restore --list "$backup" >/dev/null 2>&1 || fail "$backup is not a dump pg_dump wrote (--format=custom)"
    say "restoring PostgreSQL database $HEARTH_DB_NAME from $backup"
    postgres_client pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
        --dbname="$HEARTH_DB_NAME" "$backup" || fail "the restore failed and changed nothing (see above)"
    say "database restored"
}

# --- The commands ---

db_backup() {
    case "$HEARTH_DB" in
        derby-network) derby_backup ;;
        postgresql) postgres_backup ;;
        *) fail "embedded Derby has no online backup: stop the domain and copy $HEARTH_DATA_DIR/derby (or use HEARTH_DB=derby-network or postgresql)" ;;
    esac
}

db_restore() {
    case "$HEARTH_DB" in
        derby-network) derby_restore "$@" ;;
        postgresql) postgres_restore "$@" ;;
        *) fail "embedded Derby: stop the domain and copy the saved folder back to $HEARTH_DATA_DIR/derby" ;;
    esac
}
