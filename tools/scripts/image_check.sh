#!/bin/sh
# make image-check: build the real Dockerfile and run the site in the image, on a
# machine without a Docker engine and without access to Docker Hub.
#
#  1. A stand-in for python:3.12-slim-bookworm: Debian 12 (debootstrap, minbase)
#     with this machine's CPython of .python-version in /usr/local, as the
#     official image has it. Named like the real one in a private, throwaway
#     image store, so the Dockerfile is built exactly as written (--pull=never).
#  2. buildah bud (vfs storage, chroot isolation) of the Dockerfile as it is.
#  3. In the image: the release step (migrate) against a SQLite file on a
#     volume, then the image's own CMD and HEALTHCHECK, as the image's user.
#
# Needs root (debootstrap, chroot). Installs buildah, podman and debootstrap
# with apt-get if missing. Leaves nothing behind: the image store, the root
# file system and every container live in one temporary folder, removed at exit.
set -eu

cd "$(dirname "$0")/../.."
ROOT_DIR=$(pwd)

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'image-check FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot need it)"

missing=""
for tool in buildah podman debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    say "Installing$missing (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman debootstrap >/dev/null
fi

PYTHON_MINOR=$(tr -d '[:space:]' < .python-version)
# The CPython copied into the stand-in: the newest pyenv build of that minor
# version, unless STANDIN_PYTHON names an installation prefix.
if [ -z "${STANDIN_PYTHON:-}" ]; then
    STANDIN_PYTHON=$(ls -d /root/.pyenv/versions/"$PYTHON_MINOR".* 2>/dev/null | sort -V | tail -n 1 || true)
fi
[ -x "${STANDIN_PYTHON:-}/bin/python$PYTHON_MINOR" ] \
    || fail "no CPython $PYTHON_MINOR found; set STANDIN_PYTHON to its prefix"
BASE_IMAGE=$(sed -n 's/^FROM \([^ ]*\) AS base$/\1/p' Dockerfile)
[ -n "$BASE_IMAGE" ] || fail "Dockerfile has no 'FROM <image> AS base' line"
case "$BASE_IMAGE" in
    python:"$PYTHON_MINOR"-slim-bookworm*) ;;
    *) fail "base image $BASE_IMAGE does not match .python-version $PYTHON_MINOR on bookworm" ;;
esac
IMAGE=localhost/alliance-site:image-check
PORT=${IMAGE_CHECK_PORT:-18080}

WORK=$(mktemp -d /tmp/image-check.XXXXXX)
STORE="--root $WORK/storage --runroot $WORK/run --storage-driver vfs"
SERVER_PID=""
cleanup() {
    status=$?
    # The server and everything under it (buildah, its chroot helpers, gunicorn
    # and its workers), found by parent id: only processes this script started.
    if [ -n "$SERVER_PID" ]; then
        tree=$SERVER_PID
        next=$SERVER_PID
        while [ -n "$next" ]; do
            children=""
            for parent in $next; do
                children="$children $(ps -o pid= --ppid "$parent" 2>/dev/null | tr '\n' ' ')"
            done
            next=$(echo $children)
            tree="$tree $next"
        done
        # shellcheck disable=SC2086
        kill $tree 2>/dev/null || true
        sleep 2
        # shellcheck disable=SC2086
        kill -9 $tree 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    # shellcheck disable=SC2086
    buildah $STORE rm --all >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    buildah $STORE rmi --all --force >/dev/null 2>&1 || true
    grep " $WORK" /proc/mounts | cut -d' ' -f2 | sort -r | while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
bah() { buildah $STORE "$@"; }

say "Stand-in for $BASE_IMAGE: Debian 12 minbase + CPython from $STANDIN_PYTHON"
ROOTFS=$WORK/rootfs
# The libraries the official image's Python links against.
debootstrap --variant=minbase \
    --include=ca-certificates,netbase,tzdata,libssl3,libsqlite3-0,libffi8,libbz2-1.0,liblzma5,zlib1g,libreadline8,libncursesw6,libuuid1,libexpat1,libgdbm6,libgdbm-compat4,libnsl2 \
    bookworm "$ROOTFS" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log" >&2; fail "debootstrap"; }
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
    "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/locale/*
# CPython into /usr/local, without its test suite and Tk (as the slim image).
(cd "$STANDIN_PYTHON" && tar -cf - --exclude='lib/python*/test' --exclude='lib/python*/idlelib' \
    --exclude='lib/python*/tkinter' --exclude='lib/python*/turtledemo' \
    --exclude='lib/python*/lib-dynload/_tkinter*' --exclude='__pycache__' bin include lib share) \
    | tar -C "$ROOTFS/usr/local" -xf -
for script in "$ROOTFS"/usr/local/bin/*; do
    if [ -f "$script" ] && head -c 2 "$script" | grep -q '#!'; then
        sed -i "1s|^#!.*/python[0-9.]*|#!/usr/local/bin/python$PYTHON_MINOR|" "$script"
    fi
done
ln -sf "python$PYTHON_MINOR" "$ROOTFS/usr/local/bin/python"
ln -sf "python$PYTHON_MINOR" "$ROOTFS/usr/local/bin/python3"
chroot "$ROOTFS" /sbin/ldconfig
# This machine reaches PyPI through a TLS-inspecting proxy: the stand-in trusts
# the machine's CA bundle, and pip is told to use it. The real image needs neither.
cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' > "$ROOTFS/etc/pip.conf"
chroot "$ROOTFS" /usr/local/bin/python3 -c \
    "import ssl, sqlite3, ctypes, lzma, bz2, zlib, uuid, decimal, pyexpat, hashlib, venv"
tar -C "$ROOTFS" -cf "$WORK/rootfs.tar" .
rm -rf "$ROOTFS"
standin=$(bah from scratch)
bah add "$standin" "$WORK/rootfs.tar" / >/dev/null
rm -f "$WORK/rootfs.tar"
bah config --env PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --env "PYTHON_VERSION=$("$STANDIN_PYTHON/bin/python3" -c 'import platform; print(platform.python_version())')" \
    --cmd python3 "$standin"
bah commit --quiet "$standin" "docker.io/library/$BASE_IMAGE" >/dev/null
bah rm "$standin" >/dev/null

say "buildah bud of the Dockerfile as written"
started=$(date +%s)
bah bud --isolation chroot --format docker --pull=never --quiet -t "$IMAGE" -f Dockerfile . \
    >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; fail "build"; }
BUILD_SECONDS=$(( $(date +%s) - started ))
SIZE=$(bah images --format '{{.Size}}' "$IMAGE")
echo "built $IMAGE in ${BUILD_SECONDS}s, $SIZE"

say "Image configuration"
bah inspect --type image "$IMAGE" >"$WORK/image.json"
# One key of the image's Docker configuration, as JSON.
config() {
    python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["Docker"]["config"].get(sys.argv[2])))' \
        "$WORK/image.json" "$1"
}
USER_SPEC=$(config User | tr -d '"')
CMD=$(config Cmd)
HEALTH=$(python3 -c 'import json, sys; print(json.dumps(json.loads(sys.argv[1])["Test"]))' "$(config Healthcheck)")
echo "user: $USER_SPEC"
echo "cmd: $CMD"
echo "healthcheck: $HEALTH"
case "$USER_SPEC" in 0|0:*|root|root:*|"") fail "the image runs as root" ;; esac
case "$CMD" in *migrate*) fail "the start command runs migrations" ;; esac
case "$HEALTH" in *healthz*) ;; *) fail "no HEALTHCHECK against /healthz/" ;; esac

# Runs a command in the image as its configured user, with the host's network
# (chroot isolation), the production environment and a volume for the database.
DATA=$WORK/data
mkdir -p "$DATA"
chown "${USER_SPEC}" "$DATA"
SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')
ctr=$(bah from --pull=never "$IMAGE")
in_image() {
    bah run --isolation chroot --volume "$DATA:/data" \
        --env "DJANGO_SECRET_KEY=$SECRET" --env DJANGO_ALLOWED_HOSTS=localhost \
        --env DATABASE_URL=sqlite:////data/db.sqlite3 --env "PORT=$PORT" --env WEB_CONCURRENCY=2 \
        --env DJANGO_EMAIL_DISABLED=true \
        "$ctr" -- "$@"
}

say "Inside the image"
uid=$(in_image id -u)
echo "id -u: $uid"
[ "$uid" != 0 ] || fail "the container runs as root"
if in_image sh -c 'touch /app/probe' 2>/dev/null; then fail "/app is writable by the app"; fi
in_image sh -c 'touch /app/media/probe && rm /app/media/probe' || fail "/app/media is not writable"
echo "/app read-only to the app, /app/media writable"
compressed=$(in_image sh -c 'echo "$(find /app/staticfiles -name "*.br" | wc -l) .br, $(find /app/staticfiles -name "*.gz" | wc -l) .gz"')
echo "static files: $compressed"

say "Release step: python manage.py migrate --no-input"
in_image python manage.py migrate --no-input >"$WORK/migrate.log" 2>&1 \
    || { tail -n 30 "$WORK/migrate.log" >&2; fail "migrate"; }
tail -n 1 "$WORK/migrate.log"
in_image python manage.py check --deploy --fail-level WARNING >"$WORK/check.log" 2>&1 \
    || { cat "$WORK/check.log" >&2; fail "check --deploy"; }
echo "check --deploy: no warnings"

say "The image's CMD, on port $PORT"
# shellcheck disable=SC2086
CMD_WORDS=$(printf '%s' "$CMD" | python3 -c 'import json, shlex, sys; print(shlex.join(json.load(sys.stdin)))')
# shellcheck disable=SC2086
eval "set -- $CMD_WORDS"
in_image "$@" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
up=""
for _ in $(seq 1 60); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz/', timeout=2)" 2>/dev/null; then
        up=yes
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
done
[ -n "$up" ] || { cat "$WORK/server.log" >&2; fail "gunicorn did not answer /healthz/"; }
python3 - "$PORT" <<'PY' || { cat "$WORK/server.log" >&2; fail "requests to the running image"; }
import sys
import urllib.request

port = sys.argv[1]


def get(path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


status, headers, body = get("/healthz/")
assert (status, body) == (200, b"ok"), (status, body)
server = headers.get("Server", "")
assert not any(ch.isdigit() for ch in server), f"Server header shows a version: {server}"
print(f"GET /healthz/: {status} {body.decode()}, Server: {server or '(none)'}")
status, headers, body = get("/", Host="localhost", **{"X-Forwarded-Proto": "https"})
print(f"GET / (Host localhost, via HTTPS proxy): {status}, {len(body)} bytes")
assert status == 200, status
for encoding in ("br", "gzip"):
    status, headers, _ = get(
        "/static/css/site.css", Host="localhost", **{"X-Forwarded-Proto": "https", "Accept-Encoding": encoding}
    )
    assert headers.get("Content-Encoding") == encoding, headers
    print(f"GET /static/css/site.css, Accept-Encoding {encoding}: {status}, Content-Encoding {encoding}")
PY
# The HEALTHCHECK's own command, in the image, beside the running server.
HEALTH_WORDS=$(printf '%s' "$HEALTH" | python3 -c 'import json, shlex, sys; t = json.load(sys.stdin); print(shlex.join(t[1:] if t[0] == "CMD" else ["sh", "-c", t[1]]))')
eval "set -- $HEALTH_WORDS"
in_image "$@" || fail "the HEALTHCHECK command failed against the running server"
echo "HEALTHCHECK command: healthy"
grep -q '"logger": "gunicorn.error", "message": "Booting worker' "$WORK/server.log" \
    || { cat "$WORK/server.log" >&2; fail "gunicorn's log is not JSON lines"; }
grep '"logger": "alliance_site.requests"' "$WORK/server.log" | tail -n 1

say "image-check passed: $IMAGE built in ${BUILD_SECONDS}s, $SIZE; runs as uid $uid; $compressed"
