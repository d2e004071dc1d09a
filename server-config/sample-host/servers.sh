#!/usr/bin/env bash
# Starts (or stops) the two servers the sample host's integration tests run on, each with the sample deployed:
#   GlassFish 8: a plain domain; its default datasource (jdbc/__default, pool DerbyPool) on a Derby network server
#                started by asadmin start-database, as GlassFish documents it.
#   WildFly Preview: server-config/bin/hearth-wildfly with derby.cli only (embedded Derby as the default datasource,
#                Jakarta Security without JASPI); its own JPA provider, Hibernate.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONFIG_DIR=$(dirname "$HERE")
: "${SAMPLE_WAR:?}" "${SAMPLE_DATA_DIR:?}" "${SAMPLE_GLASSFISH_PORTBASE:?}" "${SAMPLE_WILDFLY_OFFSET:?}" "${GLASSFISH_HOME:?}" "${SAMPLE_BUILD_DIR:?}"
SAMPLE_SKIP_WILDFLY=${SAMPLE_SKIP_WILDFLY:-false}
DOMAIN=sample-it
DOMAIN_DIR=$SAMPLE_BUILD_DIR/domains
ADMIN_PORT=$((SAMPLE_GLASSFISH_PORTBASE + 48))
DB_PORT=$((SAMPLE_GLASSFISH_PORTBASE + 27))

AS_JAVA=$("$CONFIG_DIR/bin/find-jdk")
export AS_JAVA JAVA_HOME=$AS_JAVA

asadmin() { "$GLASSFISH_HOME/bin/asadmin" --user admin --port "$ADMIN_PORT" "$@"; }

wildfly() {
    HEARTH_SERVER=sample-it HEARTH_SERVER_DIR=$SAMPLE_BUILD_DIR/wildfly HEARTH_DATA_DIR=$SAMPLE_DATA_DIR/wildfly \
        HEARTH_PORT_OFFSET=$SAMPLE_WILDFLY_OFFSET HEARTH_CLI=derby HEARTH_FRESH_DATA=true HEARTH_HEAP=256m \
        "$CONFIG_DIR/bin/hearth-wildfly" "$@"
}

start_glassfish() {
    asadmin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1 || true
    asadmin stop-database --dbport "$DB_PORT" >/dev/null 2>&1 || true
    rm -rf "${DOMAIN_DIR:?}/$DOMAIN" "$SAMPLE_DATA_DIR/glassfish"
    mkdir -p "$DOMAIN_DIR" "$SAMPLE_DATA_DIR/glassfish"
    asadmin create-domain --nopassword=true --portbase "$SAMPLE_GLASSFISH_PORTBASE" --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
    asadmin start-database --dbport "$DB_PORT" --dbhome "$SAMPLE_DATA_DIR/glassfish" >/dev/null
    asadmin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null
    asadmin multimode >/dev/null <<COMMANDS
set resources.jdbc-connection-pool.DerbyPool.property.PortNumber=$DB_PORT
deploy --force=true --contextroot sample $SAMPLE_WAR
COMMANDS
    echo "sample host: GlassFish runs the sample at http://localhost:$((SAMPLE_GLASSFISH_PORTBASE + 80))/sample/"
}

stop_glassfish() {
    asadmin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1 || true
    asadmin stop-database --dbport "$DB_PORT" >/dev/null 2>&1 || true
}

case "${1:-}" in
    start)
        start_glassfish
        if [[ "$SAMPLE_SKIP_WILDFLY" != true ]]; then
            wildfly server-start
            wildfly deploy "$SAMPLE_WAR"
        fi
        ;;
    stop)
        stop_glassfish
        [[ "$SAMPLE_SKIP_WILDFLY" == true ]] || wildfly stop
        ;;
    *) echo "Usage: $0 start|stop" >&2; exit 2 ;;
esac
