"""Forms of the territory's officer (an experiment, its tools, what was seen, its sessions) and of the participants'
phone feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City

from .models import PHOTO_EXTENSIONS, Feedback, Funding, Partner, Session, Tool, validate_photo_size


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ExperimentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    communes = forms.ModelMultipleChoiceField(
        label=_("Partner communes"),
        queryset=City.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least two communes or groups of communes of the territory."),
    )
    objectives = forms.CharField(label=_("Objectives"), widget=forms.Textarea(attrs={"rows": 4}))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    start = forms.DateField(label=_("Start"), widget=DateInput())
    end = forms.DateField(
        label=_("End"), widget=DateInput(), required=False, help_text=_("Leave empty for two years after the start.")
    )
    is_published = forms.BooleanField(label=_("Published (the public sees it)"), required=False)

    def __init__(self, *args, territory: City, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communes"].queryset = City.objects.within(territory).order_by("name")

    def clean_communes(self):
        communes = self.cleaned_data["communes"]
        if len(communes) < 2:
            raise forms.ValidationError(_("Choose at least two communes."))
        return communes

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The experiment must end after it starts."))
        return cleaned


class FundingForm(forms.ModelForm):
    class Meta:
        model = Funding
        fields = ["source", "amount", "status"]


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["kind", "organisation", "role"]


class ToolForm(forms.ModelForm):
    class Meta:
        model = Tool
        fields = ["commune", "kind", "title", "description", "cost"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, experiment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = experiment.communes.order_by("name")


class ToolRecordForm(forms.Form):
    """Where a tool stands, and a dated observation with an optional photo."""

    status = forms.ChoiceField(label=_("Status"), choices=Tool.Status.choices)
    outcome = forms.ChoiceField(label=_("Did it work?"), choices=Tool.Outcome.choices)
    cost = forms.DecimalField(
        label=_("Cost so far (EUR)"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    lessons = forms.CharField(
        label=_("What worked or did not"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    date = forms.DateField(label=_("Date of the observation"), widget=DateInput())
    note = forms.CharField(label=_("Observation"), widget=forms.Textarea(attrs={"rows": 3}))
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, 8 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in PHOTO_EXTENSIONS)}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    credit = forms.CharField(label=_("Photo credit"), max_length=200, required=False)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            validate_photo_size(photo)
            extension = photo.name.rsplit(".", 1)[-1].lower() if "." in photo.name else ""
            if extension not in PHOTO_EXTENSIONS:
                raise forms.ValidationError(
                    _("A photo is a JPEG, PNG or WebP file (.%(extension)s is not)."), params={"extension": extension}
                )
        return photo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not (cleaned.get("credit") or "").strip():
            self.add_error("credit", _("Give the photo's credit."))
        return cleaned


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["commune", "kind", "title", "date", "audience", "attendance", "material", "is_published"]
        widgets = {"date": DateInput(), "material": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, experiment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = experiment.communes.order_by("name")


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("Follow-up action"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class FeedbackCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Session code"),
        min_length=4,
        max_length=8,
        help_text=_("The six characters shown in the room."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was this session to you?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("From 1 (not useful) to 5 (very useful)."),
    )

    class Meta:
        model = Feedback
        fields = ["rating", "will_act", "comment"]
        labels = {
            "will_act": _("I intend to act on it (a garden, an orchard, mutual aid…)"),
            "comment": _("A word for the organisers (optional, anonymous)"),
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}
