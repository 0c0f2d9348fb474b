#!/usr/bin/env bash
# Keep the newest KEEP copies of the database in DIR and delete the older ones.
# Run by werkstatt-backup.service after each `python -m werkstatt backup`, whose files are named
# werkstatt-YYYYmmdd-HHMMSS.db, so their names sort by time. Other files in DIR are left alone.
#   deploy/prune-backups.sh /var/lib/werkstatt/backups 14
set -euo pipefail
dir=${1:?Aufruf: prune-backups.sh DIR KEEP}
keep=${2:?Aufruf: prune-backups.sh DIR KEEP}
[[ $keep =~ ^[1-9][0-9]*$ ]] || { echo "KEEP muss eine Zahl ab 1 sein, nicht „$keep“" >&2; exit 1; }
shopt -s nullglob
backups=("$dir"/werkstatt-[0-9]*-[0-9]*.db)  # the glob sorts by name, so oldest first
old=$(( ${#backups[@]} - keep ))
for ((i = 0; i < old; i++)); do
    rm -f -- "${backups[$i]}"
    echo "alte Sicherung gelöscht: ${backups[$i]}"
done
