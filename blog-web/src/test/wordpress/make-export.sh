#!/usr/bin/env bash
# Makes the genuine WordPress export the import tests read (wordpress-export.xml beside this script): Debian's
# WordPress on a throw-away MariaDB, a small blog written by populate.php, exported with WordPress's own export_wp().
# Needs root and Debian's packages: apt-get install wordpress mariadb-server php-cli php-mysql php-xml
# CI never runs it; run it again when the fixture should change, and commit the XML.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE/wordpress-export.xml}
WORK=$(mktemp -d /tmp/hearth-wordpress.XXXXXX)
SOCKET=$WORK/mysql.sock
HOST=garden.example.org
CONFIG=/etc/wordpress/config-$HOST.php

cleanup() {
    [[ -f $WORK/mariadb.pid ]] && kill "$(cat "$WORK/mariadb.pid")" 2>/dev/null && sleep 1
    rm -f "$CONFIG"
    rm -rf "$WORK"
}
trap cleanup EXIT

mariadb-install-db --no-defaults --datadir="$WORK/data" --user=root --auth-root-authentication-method=normal >/dev/null
mariadbd --no-defaults --datadir="$WORK/data" --socket="$SOCKET" --skip-networking --user=root \
    --pid-file="$WORK/mariadb.pid" >"$WORK/mariadb.log" 2>&1 &
for _ in $(seq 1 60); do
    mariadb --no-defaults -S "$SOCKET" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
done
mariadb --no-defaults -S "$SOCKET" -u root -e "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';
    GRANT ALL ON wordpress.* TO 'wp'@'localhost';"

cat >"$CONFIG" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$SOCKET');
define('WP_CONTENT_DIR', '/usr/share/wordpress/wp-content');
\$table_prefix = 'wp_';
PHP

HTTP_HOST=$HOST php -d display_errors=stderr "$HERE/populate.php" >"$OUT"
grep -q '<wp:wxr_version>1.2</wp:wxr_version>' "$OUT" || { echo "make-export: no WXR 1.2 in $OUT" >&2; exit 1; }
echo "make-export: wrote $OUT ($(grep -c '<item>' "$OUT") items, $(grep -c '<wp:comment>' "$OUT") comments)"
