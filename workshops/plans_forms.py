"""The forms partners and the team change an action plan with: a dated status update, milestones, owners."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Action.Status.choices)
    note = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, strip=True
    )


class MilestonePostponeForm(forms.Form):
    due = forms.DateField(label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        label=_("Why it is postponed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, strip=True
    )

    def __init__(self, *args, milestone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.milestone = milestone

    def clean_due(self):
        due = self.cleaned_data["due"]
        if self.milestone is not None and due <= self.milestone.due:
            raise forms.ValidationError(
                _("Choose a date after the current due date (%(due)s).") % {"due": self.milestone.due.isoformat()}
            )
        return due


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200, strip=True)
    due = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))


class ActionOwnersForm(forms.Form):
    owners = forms.ModelMultipleChoiceField(
        label=_("Owners"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations of the duo's cities that carry the action."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = organisations
