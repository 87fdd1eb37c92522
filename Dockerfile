# The site's image: build with `docker build -t alliance-site .` (docs: docs/_container.md).
# Migrations are a release step, never the container's start:
#   docker run --rm --env-file prod.env alliance-site python manage.py migrate --no-input

# The Python of .python-version (3.12) on Debian 12, official slim build.
# Pin a digest for reproducible builds: python:3.12-slim-bookworm@sha256:<digest>
# (`docker buildx imagetools inspect python:3.12-slim-bookworm` prints it).
FROM python:3.12-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=alliance_site.settings.production

# Dependencies exactly as locked, every file checked against its hash.
FROM base AS build
RUN python -m venv /venv
COPY requirements/base.lock /tmp/base.lock
RUN /venv/bin/pip install --no-deps --require-hashes --only-binary :all: -r /tmp/base.lock

# The code, its bytecode, and the static files collected with a .gz and a .br
# beside each (WhiteNoise's CompressedManifestStaticFilesStorage with brotli).
# Production settings insist on their secrets; collectstatic uses none of them,
# so throwaway values are given to this one step only.
WORKDIR /app
COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret-0123456789-abcdefghijklmnop \
    DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
    /venv/bin/python manage.py collectstatic --no-input --verbosity 0 \
    && test -n "$(find staticfiles -name '*.css.br' -print -quit)" \
    && test -n "$(find staticfiles -name '*.css.gz' -print -quit)" \
    && /venv/bin/python -m compileall -q -j 0 . \
    && rm -f /tmp/collectstatic.sqlite3

FROM base AS runtime
ENV PATH="/venv/bin:$PATH" \
    PORT=8000
# pg_dump and pg_restore, for backup_site and restore_site (docs/deployment.md#backups).
# pg_dump refuses a server newer than itself and Debian 12 carries only version 15,
# so they come from PostgreSQL's own apt repository (its key ships in postgresql-common),
# in the major version of compose.yaml's server. For another server build with
# --build-arg POSTGRES_CLIENT_VERSION=<its major version, or newer>.
ARG POSTGRES_CLIENT_VERSION=16
# The package name pins the major version; its minor releases are security fixes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends "postgresql-client-${POSTGRES_CLIENT_VERSION}" \
    && rm -rf /var/lib/apt/lists/* \
    && test -x "/usr/lib/postgresql/${POSTGRES_CLIENT_VERSION}/bin/pg_dump" \
    && pg_dump --version
# A fixed, unprivileged uid and gid, so volumes can be given to it by number.
RUN groupadd --system --gid 10001 app \
    && useradd --system --no-log-init --uid 10001 --gid app \
       --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app
COPY --from=build /venv /venv
COPY --from=build /app /app
WORKDIR /app
# Everything is root's and read-only to the app, except uploads (mount a volume here).
RUN install -d -o app -g app -m 0755 /app/media
USER 10001:10001
EXPOSE 8000
# No curl in a slim image: Python asks /healthz/, which needs no database or host name.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz/' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "alliance_site.wsgi"]
