# Sourced by make-export.sh and check-import.sh: Debian's WordPress on a throw-away MariaDB, one database per site.
# Needs root and Debian's packages: apt-get install wordpress mariadb-server php-cli php-mysql php-xml
WORK=$(mktemp -d /tmp/hearth-wordpress.XXXXXX)
SOCKET=$WORK/mysql.sock
SITES=()

wordpress_cleanup() {
    [[ -f $WORK/mariadb.pid ]] && kill "$(cat "$WORK/mariadb.pid")" 2>/dev/null && sleep 1
    local host
    for host in "${SITES[@]}"; do rm -f "/etc/wordpress/config-$host.php"; done
    rm -rf "$WORK"
}
trap wordpress_cleanup EXIT

mariadb-install-db --no-defaults --datadir="$WORK/data" --user=root --auth-root-authentication-method=normal >/dev/null
mariadbd --no-defaults --datadir="$WORK/data" --socket="$SOCKET" --skip-networking --user=root \
    --pid-file="$WORK/mariadb.pid" >"$WORK/mariadb.log" 2>&1 &
for _ in $(seq 1 60); do
    mariadb --no-defaults -S "$SOCKET" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
done

# wordpress_site HOST: an empty database for a WordPress answering as HOST (Debian picks the config by host name).
wordpress_site() {
    local host=$1 database=wp_${#SITES[@]}
    mariadb --no-defaults -S "$SOCKET" -u root -e "CREATE DATABASE $database; CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';
        GRANT ALL ON $database.* TO 'wp'@'localhost';"
    cat >"/etc/wordpress/config-$host.php" <<PHP
<?php
define('DB_NAME', '$database');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$SOCKET');
define('WP_CONTENT_DIR', '/usr/share/wordpress/wp-content');
\$table_prefix = 'wp_';
PHP
    SITES+=("$host")
}
