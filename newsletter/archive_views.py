"""The public archive of sent campaigns: each one as a web page, in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.predicates import is_team

from .emails import campaign_content
from .models import Campaign


def archive(request):
    campaigns = Campaign.objects.filter(status=Campaign.Status.SENT).order_by("-finished_at", "-pk")
    page = Paginator(campaigns, 20).get_page(request.GET.get("page"))
    language = get_language()
    items = [{"campaign": campaign, "content": campaign_content(campaign, language)} for campaign in page]
    return render(request, "newsletter/archive.html", {"page": page, "items": items})


def archive_detail(request, pk: int):
    # The team also opens a campaign not sent yet: the "read it on the web" link of a test send leads here.
    campaigns = Campaign.objects.all()
    if not is_team(request.user):
        campaigns = campaigns.filter(status=Campaign.Status.SENT)
    campaign = get_object_or_404(campaigns, pk=pk)
    content = campaign_content(campaign, get_language())
    return render(
        request,
        "newsletter/archive_detail.html",
        # body_html went through nh3 in campaign_content: only basic tags and http(s)/mailto links remain.
        {"campaign": campaign, "content": content, "body_html": mark_safe(content.body_html)},  # noqa: S308
    )
