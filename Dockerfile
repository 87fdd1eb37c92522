# A first working image: dependencies from the lock file, static files collected at
# build time, served by gunicorn as a non-root user. Hardening comes later.
# Migrations are a separate step of a deployment, never the container's command:
#   docker run --env-file prod.env IMAGE python manage.py migrate --no-input

FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /venv
COPY requirements/base.lock requirements/base.lock
RUN /venv/bin/pip install --require-hashes --no-deps -r requirements/base.lock

FROM python:3.12-slim AS runtime
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=alliance_site.settings.production \
    PORT=8000 \
    GUNICORN_WORKERS=3
RUN useradd --create-home --uid 1000 app
WORKDIR /app
COPY --from=build /venv /venv
COPY --chown=app:app . .
# Production settings insist on their secrets; collectstatic needs none of them,
# so throwaway values are given for this one build step only.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
    python manage.py collectstatic --no-input --verbosity 0 \
    && mkdir -p /app/media && chown app:app /app/media
USER 1000:1000
EXPOSE 8000
CMD ["sh", "-c", "exec gunicorn alliance_site.wsgi:application --bind 0.0.0.0:${PORT} --workers ${GUNICORN_WORKERS} --access-logfile -"]
