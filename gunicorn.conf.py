"""Gunicorn settings, read from the working directory when gunicorn starts (`gunicorn letsfood.wsgi`)."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# One worker process per core (WEB_CONCURRENCY, read by gunicorn itself when set): Python runs one thread at a time
# in a process, so more processes than cores only add memory and context switches.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads in each worker: most public requests are answered from the cache (Redis) or wait on PostgreSQL, and a
# thread waiting on a socket releases the CPU. With sync workers one slow request (a full network matrix, a
# duo dashboard computed for the team) held its whole worker, and the cheap cached pages queued behind it. Four
# threads keep the CPU busy while some wait; more would only queue CPU-bound renders inside the process.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request still running after this is killed and logged rather than holding a worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Idle keep-alive connections behind Caddy are cheap for a threaded worker and save a TCP handshake per request.
keepalive = 5
# Load Django once in the master: a recycled worker is then a fork of a ready process, not a cold start that
# imports Django, DRF and WeasyPrint while its share of the traffic waits (nothing opens a connection at import:
# database and cache connections are made on first use, in each worker).
preload_app = True
# Recycle workers now and then so that a slow leak in a dependency never grows without bound, but rarely: at
# 1,000 requests both workers restarted every few seconds under load and the restarts showed as timeouts. The
# jitter (a tenth) keeps the two workers from restarting at the same moment, so one always serves.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
# One line per request with the client's address (Caddy's X-Forwarded-For) and the request id Django answered with,
# the same id as on Django's own log lines for that request.
access_log_format = '%(t)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'
