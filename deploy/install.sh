#!/usr/bin/env bash
# Werkstatt with HTTPS on a Debian server, in one step (deploy/README.md, "Production on one host").
#
#   deploy/install.sh werkstatt.example.org [--email it@example.org] [--processes N]
#   deploy/install.sh werkstatt.example.org --certificate fullchain.pem --key privkey.pem
#   deploy/install.sh werkstatt.example.org --root /tmp/werkstatt-root --check
#
# Sets up, from the checkout this script lives in: Debian's packages, the user werkstatt, the
# app's virtual environment, /etc/werkstatt/werkstatt.env (WERKSTATT_BASE_URL=https://NAME),
# one systemd unit werkstatt@PORT per process, nginx with TLS (a certificate from Let's Encrypt
# through certbot, or your own), the security headers, a nightly backup with rotation and log
# rotation. Run it again at any time (after a `git pull`, with another --processes): it changes
# only what differs and says what it did.
#
# --check writes every file under --root instead of /, installs and starts nothing, and
# validates what it wrote: nginx -t (inside Debian's nginx.conf, with a self-signed placeholder
# certificate unless --certificate is given) and systemd-analyze verify. Exit code 0: valid.
set -euo pipefail

APP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FIRST_PORT=8601
KEEP_BACKUPS=14
KEEP_LOG_DAYS=7
PACKAGES=(nginx certbot python3 python3-venv openssl logrotate ca-certificates curl
          chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-color-emoji)

usage() {
    cat <<EOF
Aufruf: deploy/install.sh NAME [Optionen]

  NAME                  öffentlicher Name des Servers, z. B. werkstatt.example.org
                        (DNS zeigt auf diesen Server, Ports 80 und 443 offen)
  --processes N         App-Prozesse, einer je Kern (Vorgabe: $(nproc 2>/dev/null || echo 1))
  --email ADDR          Adresse für Let's Encrypt (Ablauf-Warnungen)
  --certificate FILE    eigenes Zertifikat (PEM, mit Zwischenzertifikaten) statt Let's Encrypt
  --key FILE            der private Schlüssel dazu (PEM)
  --staging             Let's Encrypts Testumgebung (zum Ausprobieren, Zertifikat nicht vertraut)
  --root DIR --check    alles unter DIR schreiben und prüfen (nginx -t, systemd-analyze verify);
                        nichts installieren, nichts starten
EOF
}

fail() { printf 'Fehler: %s\n' "$*" >&2; exit 1; }

NAME="" PROCESSES="" EMAIL="" CERT="" KEY="" ROOT="" CHECK=0 STAGING=0
while [ $# -gt 0 ]; do
    case "$1" in
        --processes) PROCESSES=${2-}; shift 2 || fail "--processes braucht eine Zahl" ;;
        --email) EMAIL=${2-}; shift 2 || fail "--email braucht eine Adresse" ;;
        --certificate) CERT=${2-}; shift 2 || fail "--certificate braucht eine Datei" ;;
        --key) KEY=${2-}; shift 2 || fail "--key braucht eine Datei" ;;
        --root) ROOT=${2-}; shift 2 || fail "--root braucht ein Verzeichnis" ;;
        --check) CHECK=1; shift ;;
        --staging) STAGING=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) usage >&2; fail "unbekannte Option: $1" ;;
        *) [ -z "$NAME" ] || fail "nur ein Name, nicht „$NAME“ und „$1“"; NAME=$1; shift ;;
    esac
done

# --- what was asked -------------------------------------------------------------------------

[ -n "$NAME" ] || { usage >&2; fail "der Name des Servers fehlt, z. B.: deploy/install.sh werkstatt.example.org"; }
NAME=${NAME,,}
LABEL='[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?'
if [ ${#NAME} -gt 253 ] || ! [[ $NAME =~ ^($LABEL\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$ ]]; then
    fail "„$NAME“ ist kein Servername. Erwartet wird ein voller DNS-Name wie werkstatt.example.org
(Buchstaben, Ziffern, Bindestriche, Punkte; kein Leerzeichen, kein https://, keine IP-Adresse)."
fi
PROCESSES=${PROCESSES:-$(nproc 2>/dev/null || echo 1)}
[[ $PROCESSES =~ ^[1-9][0-9]?$ ]] || fail "--processes: eine Zahl von 1 bis 99, nicht „$PROCESSES“"
if [ -n "$EMAIL" ] && ! [[ $EMAIL =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]]; then
    fail "--email: „$EMAIL“ ist keine E-Mail-Adresse"
fi
if [ -n "$CERT$KEY" ]; then
    [ -n "$CERT" ] && [ -n "$KEY" ] || fail "--certificate und --key gehören zusammen"
    [ -r "$CERT" ] || fail "Zertifikat nicht lesbar: $CERT"
    [ -r "$KEY" ] || fail "Schlüssel nicht lesbar: $KEY"
    openssl x509 -noout -in "$CERT" 2>/dev/null || fail "$CERT ist kein Zertifikat im PEM-Format"
    [ "$(openssl x509 -noout -pubkey -in "$CERT" | sha256sum)" = \
      "$(openssl pkey -pubout -in "$KEY" 2>/dev/null | sha256sum)" ] \
        || fail "der Schlüssel $KEY gehört nicht zum Zertifikat $CERT"
    openssl x509 -noout -checkhost "$NAME" -in "$CERT" | grep -q "does match" \
        || fail "das Zertifikat $CERT gilt nicht für $NAME"
fi
if [ "$CHECK" = 1 ]; then
    [ -n "$ROOT" ] || fail "--check braucht --root DIR (dorthin wird geschrieben)"
    [[ $ROOT =~ ^[A-Za-z0-9._/-]+$ ]] || fail "--root: nur Buchstaben, Ziffern, . _ - / im Pfad"
    mkdir -p "$ROOT"
    ROOT=$(cd "$ROOT" && pwd)
    [ "$ROOT" != / ] || fail "--root / ist kein Prüfverzeichnis; ohne --check wird echt installiert"
else
    [ -z "$ROOT" ] || fail "--root nur zusammen mit --check"
    [ "$(id -u)" = 0 ] || fail "bitte als root ausführen (sudo deploy/install.sh $NAME …)"
    command -v apt-get >/dev/null || fail "dieses Skript ist für Debian (apt-get fehlt)"
fi

# Every path the installation writes; --check puts them under ROOT (and so do the files that
# name them, which makes the written configuration checkable as it is).
ETC=$ROOT/etc/werkstatt
ENV_FILE=$ETC/werkstatt.env
TLS_DIR=$ETC/tls
STATE=$ROOT/var/lib/werkstatt
DB=$STATE/werkstatt.db
BACKUPS=$STATE/backups
LOG_DIR=$ROOT/var/log/werkstatt
ACME=$ROOT/var/www/werkstatt-acme
UNITS=$ROOT/etc/systemd/system
SITE=$ROOT/etc/nginx/sites-available/werkstatt
SITE_LINK=$ROOT/etc/nginx/sites-enabled/werkstatt
LOGROTATE=$ROOT/etc/logrotate.d/werkstatt
LE_LIVE=$ROOT/etc/letsencrypt/live/$NAME
RENEW_HOOK=$ROOT/etc/letsencrypt/renewal-hooks/deploy/werkstatt-reload-nginx
PORTS=()
for ((i = 0; i < PROCESSES; i++)); do PORTS+=($((FIRST_PORT + i))); done
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || [ "$CHECK" = 0 ] || PYTHON3=python3  # a check may run where Debian's is absent
SYSTEMD_RUNNING=0
[ "$CHECK" = 0 ] && [ -d /run/systemd/system ] && SYSTEMD_RUNNING=1

# --- how things are written: only what differs, and say so --------------------------------

CHANGES=0
CHANGED=0  # whether the last put/ensure_dir changed something
did() { CHANGES=$((CHANGES + 1)); CHANGED=1; printf '  + %s\n' "$*"; }
step() { printf '%s\n' "$*"; }
owner() { [ "$CHECK" = 1 ] && echo "" || echo "$1"; }  # no chown to werkstatt under --root

# put FILE MODE [OWNER:GROUP] < content
put() {
    local file=$1 mode=$2 own=${3:-} tmp
    CHANGED=0
    own=$(owner "$own")
    tmp=$(mktemp)
    cat >"$tmp"
    if [ -f "$file" ] && cmp -s "$tmp" "$file"; then
        rm -f "$tmp"
    else
        mkdir -p "$(dirname "$file")"
        [ -f "$file" ] && did "geändert: ${file}" || did "geschrieben: ${file}"
        mv "$tmp" "$file"
    fi
    if [ "$(stat -c %a "$file")" != "$mode" ]; then
        chmod "$mode" "$file"
        [ "$CHANGED" = 1 ] || did "Rechte $mode: $file"
    fi
    if [ -n "$own" ] && [ "$(stat -c %U:%G "$file")" != "$own" ]; then
        chown "$own" "$file"
        [ "$CHANGED" = 1 ] || did "Besitzer $own: $file"
    fi
    return 0
}

# ensure_dir DIR MODE [OWNER:GROUP]
ensure_dir() {
    local dir=$1 mode=$2 own=${3:-}
    CHANGED=0
    own=$(owner "$own")
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        did "Verzeichnis angelegt: $dir"
    fi
    [ "$(stat -c %a "$dir")" = "$mode" ] || { chmod "$mode" "$dir"; [ "$CHANGED" = 1 ] || did "Rechte $mode: $dir"; }
    if [ -n "$own" ] && [ "$(stat -c %U:%G "$dir")" != "$own" ]; then
        chown "$own" "$dir"
        [ "$CHANGED" = 1 ] || did "Besitzer $own: $dir"
    fi
    return 0
}

# --- 1. Debian's packages, the user, the app --------------------------------------------------

install_packages() {
    step "Pakete"
    local missing=() p
    for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
        did "installiert: ${missing[*]}"
    fi
}

create_user() {
    step "Benutzer werkstatt"
    if ! id werkstatt >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/werkstatt --shell /usr/sbin/nologin werkstatt
        did "Systembenutzer werkstatt angelegt"
    fi
}

install_app() {
    step "App in $APP_DIR"
    runuser -u werkstatt -- test -r "$APP_DIR/app.py" \
        || fail "der Benutzer werkstatt kann $APP_DIR nicht lesen: das Repository gehört nach /opt/werkstatt
(git clone … /opt/werkstatt), nicht in ein Home-Verzeichnis"
    # Debian's own Python (apt keeps it patched), never one from a home directory (pyenv and the
    # like), which the user werkstatt could not run.
    if [ ! -x "$APP_DIR/.venv/bin/python" ]; then
        /usr/bin/python3 -m venv "$APP_DIR/.venv"
        did "virtuelle Umgebung angelegt: $APP_DIR/.venv"
    fi
    runuser -u werkstatt -- "$APP_DIR/.venv/bin/python" -c "" 2>/dev/null \
        || fail "der Benutzer werkstatt kann $APP_DIR/.venv/bin/python nicht ausführen (mit einem anderen
Python angelegt?). Abhilfe: rm -rf $APP_DIR/.venv und dieses Skript noch einmal aufrufen."
    local stamp=$APP_DIR/.venv/.install-requirements
    if ! sha256sum "$APP_DIR/requirements.txt" | cmp -s - "$stamp"; then
        "$APP_DIR/.venv/bin/pip" install --quiet --upgrade pip
        "$APP_DIR/.venv/bin/pip" install --quiet -r "$APP_DIR/requirements.txt"
        sha256sum "$APP_DIR/requirements.txt" >"$stamp"
        did "Python-Pakete aus requirements.txt installiert"
    fi
    local po mo stale=0
    for po in "$APP_DIR"/locales/*/LC_MESSAGES/*.po; do
        mo=${po%.po}.mo
        if [ ! -e "$mo" ] || [ "$po" -nt "$mo" ]; then stale=1; fi
    done
    if [ "$stale" = 1 ]; then
        (cd "$APP_DIR" && .venv/bin/python -m werkstatt i18n compile >/dev/null)
        did "Übersetzungen kompiliert (locales/*/LC_MESSAGES/*.mo)"
    fi
}

# --- 2. settings, state, certificate, nginx ------------------------------------------------------

write_settings() {
    step "Einstellungen und Daten"
    ensure_dir "$ETC" 755
    ensure_dir "$STATE" 750 werkstatt:werkstatt
    ensure_dir "$BACKUPS" 750 werkstatt:werkstatt
    ensure_dir "$LOG_DIR" 750 root:adm
    ensure_dir "$ACME" 755
    local secret="" others=""
    local header1="# Werkstatt's settings for every app process. deploy/install.sh keeps the three lines below"
    local header2="# up to date; add your own WERKSTATT_… settings after them, they are kept."
    if [ -f "$ENV_FILE" ]; then
        secret=$(sed -n 's/^STREAMLIT_SERVER_COOKIE_SECRET=//p' "$ENV_FILE" | tail -n 1)
        others=$(grep -v -x -F -e "$header1" -e "$header2" "$ENV_FILE" \
                 | grep -v -E '^(WERKSTATT_DB|WERKSTATT_BASE_URL|STREAMLIT_SERVER_COOKIE_SECRET)=' || true)
    fi
    # One secret for every process, kept across runs: Streamlit signs its cookies with it.
    [ -n "$secret" ] || secret=$(openssl rand -hex 32)
    # A public server: only organisers with an account create workshops (README, "Organiser
    # accounts"). Written once as the operator's own setting, so a changed value is kept.
    printf '%s\n' "$others" | grep -q '^WERKSTATT_ACCOUNTS=' \
        || others=$(printf '%s\n%s' "$others" 'WERKSTATT_ACCOUNTS=1' | sed '/^$/d')
    put "$ENV_FILE" 640 root:werkstatt < <(
        printf '%s\n%s\n' "$header1" "$header2"
        printf 'WERKSTATT_DB=%s\n' "$DB"
        printf 'WERKSTATT_BASE_URL=https://%s\n' "$NAME"
        printf 'STREAMLIT_SERVER_COOKIE_SECRET=%s\n' "$secret"
        [ -z "$others" ] || printf '%s\n' "$others")
    ENV_CHANGED=$CHANGED
}

# Sets SITE_CERT and SITE_KEY; NEED_CERTBOT=1 while only the placeholder is there.
choose_certificate() {
    step "Zertifikat"
    ensure_dir "$TLS_DIR" 750 root:root
    NEED_CERTBOT=0
    if [ -n "$CERT" ]; then
        put "$TLS_DIR/$NAME.crt" 644 root:root <"$CERT"
        put "$TLS_DIR/$NAME.key" 600 root:root <"$KEY"
        SITE_CERT=$TLS_DIR/$NAME.crt SITE_KEY=$TLS_DIR/$NAME.key
        printf '  = eigenes Zertifikat: %s\n' "$SITE_CERT"
    elif [ -f "$TLS_DIR/$NAME.crt" ] && [ -f "$TLS_DIR/$NAME.key" ]; then
        SITE_CERT=$TLS_DIR/$NAME.crt SITE_KEY=$TLS_DIR/$NAME.key
        printf '  = eigenes Zertifikat von einem früheren Lauf (--certificate): %s\n' "$SITE_CERT"
    elif [ -f "$LE_LIVE/fullchain.pem" ]; then
        SITE_CERT=$LE_LIVE/fullchain.pem SITE_KEY=$LE_LIVE/privkey.pem
        printf "  = Let's Encrypt: %s (certbot.timer erneuert es)\n" "$SITE_CERT"
        if [ -f "$TLS_DIR/placeholder.crt" ]; then
            rm -f "$TLS_DIR/placeholder.crt" "$TLS_DIR/placeholder.key"
            did "Platzhalter-Zertifikat entfernt"
        fi
    else
        # nginx needs a certificate to start at all; certbot needs nginx for its challenge.
        SITE_CERT=$TLS_DIR/placeholder.crt SITE_KEY=$TLS_DIR/placeholder.key
        if [ ! -f "$SITE_KEY" ] || ! openssl x509 -noout -checkhost "$NAME" -in "$SITE_CERT" 2>/dev/null \
                | grep -q "does match"; then
            openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=$NAME" \
                -addext "subjectAltName=DNS:$NAME" -keyout "$SITE_KEY" -out "$SITE_CERT" 2>/dev/null
            chmod 600 "$SITE_KEY"
            did "selbst signiertes Platzhalter-Zertifikat für $NAME (bis certbot eines hat)"
        fi
        [ "$CHECK" = 1 ] || NEED_CERTBOT=1
    fi
}

write_nginx() {
    step "nginx"
    local ipv6=()
    [ -e /proc/net/if_inet6 ] || ipv6=(--no-ipv6)
    local site
    site=$(cd "$APP_DIR" && "$PYTHON3" -m deploy.serve_multi --print-site-conf --processes "$PROCESSES" \
        --first-port "$FIRST_PORT" --server-name "$NAME" --tls-certificate "$SITE_CERT" \
        --tls-key "$SITE_KEY" --acme-root "$ACME" --log-dir "$LOG_DIR" "${ipv6[@]}") \
        || fail "die nginx-Site ließ sich nicht schreiben ($PYTHON3 -m deploy.serve_multi)"
    put "$SITE" 644 root:root <<<"$site"
    NGINX_CHANGED=$CHANGED
    if [ "$(readlink "$SITE_LINK" 2>/dev/null)" != "$SITE" ]; then
        mkdir -p "$(dirname "$SITE_LINK")"
        ln -sfn "$SITE" "$SITE_LINK"
        did "Site eingeschaltet: $SITE_LINK"
        NGINX_CHANGED=1
    fi
    if [ "$CHECK" = 0 ] && [ -L /etc/nginx/sites-enabled/default ]; then
        rm /etc/nginx/sites-enabled/default
        did "Debians Beispielseite ausgeschaltet (/etc/nginx/sites-enabled/default)"
        NGINX_CHANGED=1
    fi
    # nginx keeps a renewed certificate in memory until it reloads.
    put "$RENEW_HOOK" 755 root:root <<'EOF'
#!/bin/sh
# Written by deploy/install.sh: nginx takes the renewed certificate.
systemctl reload nginx
EOF
    step "Log-Rotation"
    put "$LOGROTATE" 644 root:root <<EOF
# Written by deploy/install.sh. nginx's log of this site, kept $KEEP_LOG_DAYS days; it holds no client
# addresses and no participant tokens. The app processes log to the journal (journalctl -u 'werkstatt@*'),
# which journald rotates by itself.
$LOG_DIR/nginx-*.log {
    daily
    rotate $KEEP_LOG_DAYS
    missingok
    notifempty
    compress
    delaycompress
    sharedscripts
    create 0640 www-data adm
    postrotate
        invoke-rc.d nginx rotate >/dev/null 2>&1 || true
    endscript
}
EOF
}

# --- 3. systemd ---------------------------------------------------------------------------------

write_units() {
    step "systemd"
    UNITS_CHANGED=0
    put "$UNITS/werkstatt@.service" 644 root:root < <(sed -e "s#/opt/werkstatt#$APP_DIR#g" \
        -e "s#/etc/werkstatt/werkstatt.env#$ENV_FILE#g" "$APP_DIR/deploy/werkstatt@.service")
    [ "$CHANGED" = 0 ] || UNITS_CHANGED=1
    put "$UNITS/werkstatt-backup.service" 644 root:root <<EOF
# Written by deploy/install.sh: a consistent copy of the database while the app runs,
# then only the newest $KEEP_BACKUPS copies are kept.
[Unit]
Description=Werkstatt: copy of the database, the newest $KEEP_BACKUPS kept

[Service]
Type=oneshot
User=werkstatt
Group=werkstatt
WorkingDirectory=$APP_DIR
EnvironmentFile=$ENV_FILE
ExecStart=$APP_DIR/.venv/bin/python -m werkstatt backup
ExecStartPost=/bin/bash $APP_DIR/deploy/prune-backups.sh $BACKUPS $KEEP_BACKUPS
EOF
    [ "$CHANGED" = 0 ] || UNITS_CHANGED=1
    put "$UNITS/werkstatt-backup.timer" 644 root:root <<EOF
# Written by deploy/install.sh: every night; a night the server was off is made up at boot.
[Unit]
Description=Werkstatt: nightly copy of the database

[Timer]
OnCalendar=*-*-* 03:15:00
RandomizedDelaySec=15min
Persistent=true

[Install]
WantedBy=timers.target
EOF
    [ "$CHANGED" = 0 ] || UNITS_CHANGED=1
    put "$UNITS/werkstatt-retention.service" 644 root:root <<EOF
# Written by deploy/install.sh: the retention rule (README, "Daten und Aufbewahrung"): the
# participants' tokens of workshops closed longer than WERKSTATT_RETENTION_DAYS ago are removed.
[Unit]
Description=Werkstatt: remove participant tokens after the retention period
After=werkstatt-backup.service

[Service]
Type=oneshot
User=werkstatt
Group=werkstatt
WorkingDirectory=$APP_DIR
EnvironmentFile=$ENV_FILE
ExecStart=$APP_DIR/.venv/bin/python -m werkstatt retention --apply
EOF
    [ "$CHANGED" = 0 ] || UNITS_CHANGED=1
    put "$UNITS/werkstatt-retention.timer" 644 root:root <<EOF
# Written by deploy/install.sh: every night after the backup; a night the server was off is made up at boot.
[Unit]
Description=Werkstatt: nightly retention rule

[Timer]
OnCalendar=*-*-* 04:00:00
Persistent=true

[Install]
WantedBy=timers.target
EOF
    [ "$CHANGED" = 0 ] || UNITS_CHANGED=1
}

revision() {
    git -C "$APP_DIR" rev-parse HEAD 2>/dev/null || sha256sum "$APP_DIR/app.py" | cut -d' ' -f1
}

start_services() {
    step "Dienste"
    put "$STATE/installed-revision" 644 root:root <<<"$(revision)"
    local code_changed=$CHANGED port unit
    systemctl daemon-reload
    local restart=0
    [ "$UNITS_CHANGED$ENV_CHANGED$code_changed" = 000 ] || restart=1
    for port in "${PORTS[@]}"; do
        unit=werkstatt@$port.service
        if ! systemctl is-enabled --quiet "$unit" 2>/dev/null; then
            systemctl enable --quiet "$unit"
            did "eingeschaltet: $unit"
        fi
        if ! systemctl is-active --quiet "$unit"; then
            systemctl start "$unit"
            did "gestartet: $unit"
        elif [ "$restart" = 1 ]; then
            # One by one, each until it answers: the room always has a process to talk to.
            systemctl restart "$unit"
            wait_healthy "$port"
            did "neu gestartet (neue Version oder Einstellungen): $unit"
        fi
    done
    for unit in $( (systemctl list-units --all --plain --no-legend 'werkstatt@*.service' | awk '{print $1}'
                    ls /etc/systemd/system/multi-user.target.wants/ 2>/dev/null | grep '^werkstatt@') | sort -u); do
        port=${unit#werkstatt@}; port=${port%.service}
        if ! [[ " ${PORTS[*]} " == *" $port "* ]]; then
            systemctl disable --now --quiet "$unit"
            did "ausgeschaltet (weniger Prozesse): $unit"
        fi
    done
    for port in "${PORTS[@]}"; do wait_healthy "$port"; done
    if ! systemctl is-enabled --quiet werkstatt-backup.timer 2>/dev/null \
            || ! systemctl is-active --quiet werkstatt-backup.timer; then
        systemctl enable --now --quiet werkstatt-backup.timer
        did "nächtliche Sicherung eingeschaltet: werkstatt-backup.timer ($BACKUPS, die neuesten $KEEP_BACKUPS)"
    fi
    if ! systemctl is-enabled --quiet werkstatt-retention.timer 2>/dev/null \
            || ! systemctl is-active --quiet werkstatt-retention.timer; then
        systemctl enable --now --quiet werkstatt-retention.timer
        did "Aufbewahrungsregel jede Nacht eingeschaltet: werkstatt-retention.timer"
    fi
    nginx -t -q || fail "nginx -t: die Konfiguration ist fehlerhaft (siehe oben)"
    if ! systemctl is-active --quiet nginx; then
        systemctl enable --now --quiet nginx
        did "nginx gestartet"
    elif [ "$NGINX_CHANGED" = 1 ]; then
        systemctl reload nginx
        did "nginx hat die neue Konfiguration geladen"
    fi
}

wait_healthy() {
    local port=$1 i
    for ((i = 0; i < 90; i++)); do
        curl -fsS -o /dev/null "http://127.0.0.1:$port/_stcore/health" && return 0
        sleep 1
    done
    fail "werkstatt@$port antwortet nicht; siehe: journalctl -u werkstatt@$port -n 50"
}

get_certificate() {
    step "Let's Encrypt"
    local account=(--register-unsafely-without-email) extra=()
    [ -z "$EMAIL" ] || account=(--email "$EMAIL")
    [ "$STAGING" = 0 ] || extra=(--test-cert)
    if ! certbot certonly --webroot -w "$ACME" -d "$NAME" --non-interactive --agree-tos \
            "${account[@]}" "${extra[@]}"; then
        fail "certbot hat kein Zertifikat für $NAME bekommen. Zeigt der DNS-Eintrag von $NAME auf diesen
Server, und ist Port 80 aus dem Internet erreichbar? Dann dieses Skript noch einmal aufrufen.
Bis dahin antwortet nginx mit einem selbst signierten Platzhalter-Zertifikat."
    fi
    did "Zertifikat von Let's Encrypt für $NAME"
    choose_certificate
    write_nginx
    nginx -t -q || fail "nginx -t nach certbot fehlgeschlagen"
    systemctl reload nginx
    did "nginx nutzt das Zertifikat von Let's Encrypt"
}

# --- 4. --check: validate what was written ----------------------------------------------------

check_written() {
    step "Prüfung"
    local ok=1 main=$ROOT/etc/nginx/nginx.conf
    [ -f /etc/nginx/nginx.conf ] || fail "nginx fehlt für die Prüfung (apt-get install nginx, oder make system)"
    mkdir -p "$ROOT/var/log/nginx" "$ROOT/run" "$ROOT/etc/nginx/conf.d"
    # Debian's own nginx.conf, with its pid, logs and includes moved under ROOT.
    put "$main" 644 < <(sed -e "s#/run/nginx.pid#$ROOT/run/nginx.pid#" \
        -e "s#/etc/nginx/conf.d/#$ROOT/etc/nginx/conf.d/#" \
        -e "s#/etc/nginx/sites-enabled/#$ROOT/etc/nginx/sites-enabled/#" \
        -e "s#/var/log/nginx/#$ROOT/var/log/nginx/#g" /etc/nginx/nginx.conf)
    grep -q "include $ROOT/etc/nginx/sites-enabled/" "$main" \
        || fail "Debians nginx.conf bindet sites-enabled nicht ein; die Prüfung passt nicht zu ihr"
    if nginx -t -q -c "$main" -e "$ROOT/var/log/nginx/error.log"; then
        printf '  ok  nginx -t -c %s\n' "$main"
    else
        printf '  FEHLER  nginx -t -c %s\n' "$main"; ok=0
    fi
    local units=() port
    for port in "${PORTS[@]}"; do units+=("$UNITS/werkstatt@$port.service"); done
    units+=("$UNITS/werkstatt-backup.service" "$UNITS/werkstatt-backup.timer")
    units+=("$UNITS/werkstatt-retention.service" "$UNITS/werkstatt-retention.timer")
    if systemd-analyze verify "${units[@]}"; then
        printf '  ok  systemd-analyze verify %s\n' "${units[*]##*/}"
    else
        printf '  FEHLER  systemd-analyze verify\n'; ok=0
    fi
    if command -v logrotate >/dev/null || [ -x /usr/sbin/logrotate ]; then
        if PATH=$PATH:/usr/sbin logrotate -d -s "$ROOT/var/lib/logrotate.status" "$LOGROTATE" 2>"$ROOT/logrotate-check.log" \
                && ! grep -qi "^error" "$ROOT/logrotate-check.log"; then
            printf '  ok  logrotate -d %s\n' "$LOGROTATE"
        else
            cat "$ROOT/logrotate-check.log" >&2
            printf '  FEHLER  logrotate -d %s\n' "$LOGROTATE"; ok=0
        fi
    else
        printf '  --  logrotate fehlt: %s nicht geprüft\n' "$LOGROTATE"
    fi
    [ "$ok" = 1 ] || fail "die geschriebene Konfiguration unter $ROOT ist nicht gültig"
}

# --- the run ------------------------------------------------------------------------------------

if [ "$CHECK" = 1 ]; then
    printf 'Werkstatt für https://%s, %s App-Prozesse: Prüflauf, alles unter %s\n' "$NAME" "$PROCESSES" "$ROOT"
else
    printf 'Werkstatt für https://%s, %s App-Prozesse, aus %s\n' "$NAME" "$PROCESSES" "$APP_DIR"
    install_packages
    create_user
    install_app
fi
ENV_CHANGED=0 NGINX_CHANGED=0
write_settings
choose_certificate
write_nginx
write_units

summary() {
    echo
    if [ "$CHANGES" = 0 ]; then
        echo "Nichts geändert: alles war schon so eingerichtet."
    else
        echo "$CHANGES Änderungen."
    fi
}

if [ "$CHECK" = 1 ]; then
    check_written
    summary
    echo "Prüfung bestanden: $ROOT"
elif [ "$SYSTEMD_RUNNING" = 1 ]; then
    start_services
    [ "$NEED_CERTBOT" = 0 ] || get_certificate
    summary
    echo "Werkstatt läuft: https://$NAME  (QR-Codes und Links tragen diese Adresse)"
    echo "  Daten: $DB, Sicherungen jede Nacht nach $BACKUPS"
    echo "  Logs:  journalctl -u 'werkstatt@*'  und  $LOG_DIR/"
    echo "  Erstes Konto (druckt den Einladungslink): cd $APP_DIR && sudo -u werkstatt \\"
    echo "    .venv/bin/python -m werkstatt --db $DB organizer add \"Vorname Name\" --base-url https://$NAME"
else
    nginx -t -q || fail "nginx -t: die Konfiguration ist fehlerhaft (siehe oben)"
    printf '  ok  nginx -t\n'
    summary
    printf '\nNICHT GESTARTET: systemd läuft hier nicht (PID 1 ist „%s“). Alle Dateien sind geschrieben;\n' \
        "$(cat /proc/1/comm 2>/dev/null || echo ?)"
    printf 'die Dienste (werkstatt@%s, die Timer für Sicherung und Aufbewahrung, nginx) und certbot laufen nur auf\n' \
        "$(IFS=,; echo "{${PORTS[*]}}")"
    printf 'einem Server mit systemd. Dort dieses Skript noch einmal aufrufen.\n'
    exit 3
fi
