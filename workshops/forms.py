"""Forms of the workshop vote: the participant's code and ballot, the facilitator's paper sheets and top proposals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Workshop


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        min_length=4,
        max_length=8,
        help_text=_("The six characters shown in the room."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "autofocus": True}
        ),
    )

    UNKNOWN_CODE = _("No workshop has this code: check it with the facilitator.")

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).upper()
        self.workshop = Workshop.objects.filter(code__iexact=code).first()
        if self.workshop is None:
            raise forms.ValidationError(self.UNKNOWN_CODE)
        return self.workshop.code


class BallotForm(forms.Form):
    """Every proposal scored on every criterion: radio buttons on a phone, number boxes for a paper sheet."""

    def __init__(self, *args, proposals, criteria, paper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._rows = []
        for proposal in proposals:
            row = []
            for criterion in criteria:
                name = f"score-{proposal.pk}-{criterion.pk}"
                required = _("Score “%(proposal)s” on %(criterion)s.") % {
                    "proposal": proposal.title,
                    "criterion": criterion.name,
                }
                if paper:
                    field = forms.IntegerField(
                        label=f"{proposal.title} – {criterion.name}",
                        min_value=criterion.scale_min,
                        max_value=criterion.scale_max,
                        error_messages={"required": required},
                        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "paper-score"}),
                    )
                else:
                    field = forms.TypedChoiceField(
                        label=criterion.name,
                        choices=[(value, str(value)) for value in range(criterion.scale_min, criterion.scale_max + 1)],
                        coerce=int,
                        widget=forms.RadioSelect,
                        error_messages={"required": required},
                    )
                self.fields[name] = field
                row.append((criterion, name))
            self._rows.append((proposal, row))

    def rows(self):
        """Return [(proposal, [(criterion, bound field)])], in the order of the ballot."""
        return [(proposal, [(criterion, self[name]) for criterion, name in row]) for proposal, row in self._rows]

    def scores(self) -> dict:
        """Return the scores as services.ballot_cast takes them: {(proposal id, criterion id): value}."""
        return {
            (proposal.pk, criterion.pk): self.cleaned_data[name]
            for proposal, row in self._rows
            for criterion, name in row
        }


class TopProposalsForm(forms.Form):
    """How many of the ranking's top proposals become actions of the duo's plan."""

    def __init__(self, *args, proposal_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["count"] = forms.IntegerField(
            label=_("Number of top proposals"),
            min_value=1,
            max_value=max(proposal_count, 1),
            initial=min(3, max(proposal_count, 1)),
        )
