"""Gunicorn settings, read from the working directory when gunicorn starts (`gunicorn letsfood.wsgi`)."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# WEB_CONCURRENCY is read by gunicorn itself when set; two workers fit the smallest host.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request still running after this is killed and logged rather than holding a worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak in a dependency never grows without bound.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
# One line per request with the client's address (Caddy's X-Forwarded-For) and the request id Django answered with,
# the same id as on Django's own log lines for that request.
access_log_format = '%(t)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'
