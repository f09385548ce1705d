"""The form partners and the team post a dated status update of an action with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Action.Status.choices)
    note = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, strip=True
    )
