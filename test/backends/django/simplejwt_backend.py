"""A real Django REST framework + simplejwt backend for the end-to-end tests.

One file, one process: a throwaway SQLite database, one user (ada, in the group "staff") and
simplejwt's own views, served on 127.0.0.1 by a threading WSGI server from the standard library.

    /usr/bin/python3 test/backends/django/simplejwt_backend.py <port>

Environment:
    SIMPLEJWT_ACCESS_SECONDS  access token lifetime in seconds (default 5)
    SIMPLEJWT_ROTATE=1        rotate refresh tokens and blacklist the old ones on refresh
"""

import os
import secrets
import shutil
import signal
import sys
import tempfile
from datetime import timedelta
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
from django.conf import settings

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
ACCESS_SECONDS = int(os.environ.get("SIMPLEJWT_ACCESS_SECONDS") or 5)
ROTATE = os.environ.get("SIMPLEJWT_ROTATE") == "1"

DATA_DIR = tempfile.mkdtemp(prefix="gatehouse-simplejwt-")

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=ACCESS_SECONDS),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
}
if ROTATE:
    SIMPLE_JWT.update(ROTATE_REFRESH_TOKENS=True, BLACKLIST_AFTER_ROTATION=True)

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY=secrets.token_urlsafe(50),
    ROOT_URLCONF=__name__,
    USE_TZ=True,
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(DATA_DIR, "db.sqlite3"),
        }
    },
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "rest_framework",
        "rest_framework_simplejwt",
        "rest_framework_simplejwt.token_blacklist",
    ],
    MIDDLEWARE=[],
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": [
            "rest_framework_simplejwt.authentication.JWTAuthentication",
        ],
        # JSON only: the browsable API would need templates.
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    },
    SIMPLE_JWT=SIMPLE_JWT,
    # Quiet: only server errors (with their tracebacks) reach stderr.
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
        "loggers": {
            "django": {"handlers": [], "level": "CRITICAL"},
            "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        },
    },
)
django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connections  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework.permissions import IsAuthenticated  # noqa: E402
from rest_framework.response import Response  # noqa: E402
from rest_framework.views import APIView  # noqa: E402
from rest_framework_simplejwt.views import (  # noqa: E402
    TokenBlacklistView,
    TokenObtainPairView,
    TokenRefreshView,
)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        user = request.user
        return Response(
            {
                "id": user.id,
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "groups": list(user.groups.order_by("name").values_list("name", flat=True)),
            }
        )


urlpatterns = [
    path("api/token/", TokenObtainPairView.as_view()),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api/token/blacklist/", TokenBlacklistView.as_view()),
    path("api/users/me/", MeView.as_view()),
]


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def stop(signum, frame):
    raise SystemExit(0)


def main():
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server = None
    try:
        call_command("migrate", verbosity=0)
        ada = User.objects.create_user(
            "ada",
            email="ada@example.com",
            password="correct-horse",
            first_name="Ada",
            last_name="Lovelace",
        )
        ada.groups.add(Group.objects.create(name="staff"))
        connections.close_all()

        server = make_server(
            "127.0.0.1",
            PORT,
            get_wsgi_application(),
            server_class=ThreadingWSGIServer,
            handler_class=QuietHandler,
        )
        print(f"django simplejwt backend listening on http://127.0.0.1:{PORT}", flush=True)
        server.serve_forever()
    finally:
        if server is not None:
            server.server_close()
        connections.close_all()
        shutil.rmtree(DATA_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
