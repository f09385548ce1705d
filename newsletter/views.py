"""Public pages of the newsletter: subscribe, confirm, manage preferences, download or erase data, unsubscribe.

Everything after the subscription form is reached through a signed link from an email: the link is the key.
"""

import json
from urllib.parse import urlsplit

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from core.cache import cache_degraded
from core.clientip import client_ip

from . import services
from .forms import PreferencesForm, SubscriptionForm
from .models import Subscriber
from .tokens import InvalidToken, manage_token, subscriber_from_confirm_token, subscriber_from_manage_token

# Per IP: a household or an office may subscribe several people; per address: a few retries, not a mail bomb.
RATE_PER_IP = "10/h"
RATE_PER_ADDRESS = "3/h"
RATE_RETRY_AFTER = 3600
UNAVAILABLE_RETRY_AFTER = 300  # the cache that counts the limits is down: try again in a few minutes


def _client_ip(request) -> str:
    return client_ip(request)


def _source(request, form_source: str = "") -> str:
    """Return the page the request came from, as a path: the form's own field, else the Referer, else this page."""
    if form_source:
        return form_source
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.get_host() and referer.path.startswith("/"):
        return referer.path[:200]
    return request.path[:200]


def _rate_limited(request):
    if cache_degraded():  # the limits cannot be counted: subscriptions close rather than go unlimited
        response = render(request, "newsletter/unavailable.html", status=503)
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
        return response
    response = render(request, "newsletter/rate_limited.html", status=429)
    response["Retry-After"] = str(RATE_RETRY_AFTER)
    return response


def _invalid_link(request, *, expired_or_used: bool = False, message: str = ""):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired_or_used": expired_or_used, "message": message},
        status=400,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The subscription page; also receives the footer's compact form."""
    if request.method != "POST":
        form = SubscriptionForm(source=request.path)
        return render(request, "newsletter/subscribe.html", {"form": form})
    if is_ratelimited(request, group="newsletter-subscribe-ip", key="ip", rate=RATE_PER_IP, increment=True):
        return _rate_limited(request)
    form = SubscriptionForm(request.POST, compact=request.POST.get("variant") == "footer")
    if form.is_robot:
        return redirect("newsletter:subscribe-done")
    if not form.is_valid():
        # The full page, whichever form was sent: it has room for the errors and the topics.
        form.compact = False
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    email = services.normalise_email(form.cleaned_data["email"])
    if is_ratelimited(
        request,
        group="newsletter-subscribe-address",
        key=lambda group, request: email,
        rate=RATE_PER_ADDRESS,
        increment=True,
    ):
        return _rate_limited(request)
    services.subscription_request(
        email=email,
        language=form.cleaned_data["language"],
        topics=form.cleaned_data["topics"],
        source=_source(request, form.cleaned_data["source"]),
        ip=_client_ip(request),
    )
    # The same answer whatever the address's state: the page never tells whether an address is on the list.
    return redirect("newsletter:subscribe-done")


def subscribe_done(request):
    return render(request, "newsletter/subscribe_done.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """Show a button that confirms; only the POST confirms, so link scanners that open every link confirm nothing."""
    try:
        subscriber = subscriber_from_confirm_token(token)
    except InvalidToken:
        return _invalid_link(request, expired_or_used=True)
    if request.method == "POST":
        try:
            services.subscription_confirm(subscriber=subscriber, source="confirmation link", ip=_client_ip(request))
        except services.NewsletterError as error:
            return _invalid_link(request, expired_or_used=True, message=str(error))
        messages.success(request, _("Thank you: your subscription is confirmed."))
        return redirect("newsletter:manage", token=manage_token(subscriber))
    if subscriber.state not in {Subscriber.State.PENDING, Subscriber.State.SUBSCRIBED}:
        return _invalid_link(request, expired_or_used=True)
    context = {"subscriber": subscriber, "token": token, "manage_token": manage_token(subscriber)}
    return render(request, "newsletter/confirm.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """Change the language and topics; links to download the data, erase it, or unsubscribe."""
    try:
        subscriber = subscriber_from_manage_token(token)
    except InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.subscription_preferences_update(
                subscriber=subscriber,
                language=form.cleaned_data["language"],
                topics=list(form.cleaned_data["topics"]),
                source="preferences page",
                ip=_client_ip(request),
            )
            messages.success(request, _("Your preferences are saved."))
            return redirect("newsletter:manage", token=token)
        status = 400
    else:
        form = PreferencesForm(
            initial={"language": subscriber.language, "topics": [topic.code for topic in subscriber.topics.all()]}
        )
        status = 200
    context = {"subscriber": subscriber, "form": form, "token": token, "State": Subscriber.State}
    return render(request, "newsletter/manage.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD"])
def data(request, token):
    """Everything the platform holds about the subscriber, as a JSON file (right of access)."""
    try:
        subscriber = subscriber_from_manage_token(token)
    except InvalidToken:
        return _invalid_link(request)
    body = json.dumps(services.subscriber_data(subscriber), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="letsfood-newsletter-data.json"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request, token):
    """Ask before erasing; the POST erases the address and its preferences (right to erasure)."""
    try:
        subscriber = subscriber_from_manage_token(token)
    except InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        services.subscriber_erase(subscriber=subscriber, source="erasure page", ip=_client_ip(request))
        return render(request, "newsletter/erased.html")
    return render(request, "newsletter/erase.html", {"subscriber": subscriber, "token": token})


@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" with no cookie; the signed link is the key.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks (and never unsubscribes); POST unsubscribes at once, from our button or a mail provider's."""
    try:
        subscriber = subscriber_from_manage_token(token)
    except InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        # The raw body, not request.POST: a mail provider's request needs no parsing to be honoured.
        one_click = b"List-Unsubscribe=One-Click" in request.body
        source = "one-click (List-Unsubscribe)" if one_click else "unsubscribe page"
        subscriber = services.subscription_unsubscribe(subscriber=subscriber, source=source, ip=_client_ip(request))
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber, "token": token})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token})
