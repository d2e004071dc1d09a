#!/usr/bin/env bash
# Makes the genuine WordPress export the import tests read (wordpress-export.xml beside this script): Debian's
# WordPress on a throw-away MariaDB, a small blog written by populate.php, exported with WordPress's own export_wp().
# Needs root and Debian's packages: apt-get install wordpress mariadb-server php-cli php-mysql php-xml
# CI never runs it; run it again when the fixture should change, and commit the XML.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE/wordpress-export.xml}
HOST=garden.example.org
source "$HERE/wordpress.sh"
wordpress_site "$HOST"

HTTP_HOST=$HOST php -d display_errors=stderr "$HERE/populate.php" >"$OUT"
grep -q '<wp:wxr_version>1.2</wp:wxr_version>' "$OUT" || { echo "make-export: no WXR 1.2 in $OUT" >&2; exit 1; }
echo "make-export: wrote $OUT ($(grep -c '<item>' "$OUT") items, $(grep -c '<wp:comment>' "$OUT") comments)"
