"""The workflow inbox on the admin home: what waits for review, what was sent back, the user's drafts."""

from django import template

from assessments.selectors import workflow_inbox

register = template.Library()


@register.inclusion_tag("assessments/admin/workflow_inbox.html")
def assessments_inbox(user):
    return {"lists": workflow_inbox(user)}
