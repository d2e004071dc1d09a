#!/usr/bin/env bash
# Checks that WordPress's own importer reads Hearth's export: imports the original WordPress export
# (wordpress-export.xml) and Hearth's export of the same blog each into a fresh WordPress with the importer plugin, then
# compares what arrived (compare-reports.php). Hearth's export of the blog comes from TransferIT, which imports the
# original and writes target/wordpress/hearth-export.xml.
#   check-import.sh IMPORTER_SRC [HEARTH_EXPORT] [ORIGINAL_EXPORT]
# IMPORTER_SRC is the src/ folder of the WordPress Importer plugin (https://wordpress.org/plugins/wordpress-importer/,
# https://github.com/WordPress/wordpress-importer); it is not part of Hearth. Needs root and Debian's packages:
# apt-get install wordpress mariadb-server php-cli php-mysql php-xml. CI never runs it (no plugin there).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IMPORTER=$(cd "${1:?usage: check-import.sh IMPORTER_SRC [HEARTH_EXPORT] [ORIGINAL_EXPORT]}" && pwd)
HEARTH=$(realpath "${2:-$HERE/../../../target/wordpress/hearth-export.xml}")
ORIGINAL=$(realpath "${3:-$HERE/wordpress-export.xml}")
source "$HERE/wordpress.sh"

report() { # report HOST FILE: what WordPress's importer made of FILE, as JSON
    wordpress_site "$1"
    HTTP_HOST=$1 IMPORTER=$IMPORTER WXR=$2 php -d display_errors=stderr "$HERE/import-report.php" >"$WORK/$1.json"
    echo "check-import: $(basename "$2"): $(php -r 'echo json_decode(file_get_contents($argv[1]), true)["importer"];' "$WORK/$1.json")"
}
report original.example "$ORIGINAL"
report hearth.example "$HEARTH"
php "$HERE/compare-reports.php" "$WORK/original.example.json" "$WORK/hearth.example.json"
