"""The footer's compact subscription form, rendered only by the pages that show the footer (no cost elsewhere)."""

from django import template

from newsletter.forms import SubscriptionForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/footer_form.html", takes_context=True)
def newsletter_footer_form(context):
    request = context.get("request")
    source = request.path if request is not None else ""
    return {"form": SubscriptionForm(compact=True, source=source, auto_id="footer_%s")}
