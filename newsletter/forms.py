"""Forms of the newsletter's public pages: subscription (full page and footer) and preferences."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGE_CHOICES, Topic
from .services import consent_text_shown

GENERAL_TOPIC = "programme"


def _active_topics():
    return Topic.objects.filter(is_active=True).order_by("order", "code")


class TopicChoiceField(forms.ModelMultipleChoiceField):
    # Topics travel by code ("programme", "duo-lyon-ho-chi-minh-city"): readable, and never an integer to overflow.
    def label_from_instance(self, obj):
        return obj.name


class PreferencesForm(forms.Form):
    """What a subscriber may change: the language of the emails and the topics."""

    language = forms.ChoiceField(label=_("Language of the emails"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect)
    topics = TopicChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one topic."),
            "invalid_choice": _("Choose topics from the list."),
            "invalid_pk_value": _("Choose topics from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _active_topics()


class SubscriptionForm(PreferencesForm):
    """A subscription request: address, language, topics and explicit consent to the text in force.

    The footer's compact variant sends no topics: it subscribes to the programme in general. `website` is a
    honeypot, hidden from people and assistive technology; a robot that fills it is told the request succeeded.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your email address."), "invalid": _("Enter a valid email address.")},
    )
    consent = forms.BooleanField(
        label=_("I agree to receive the newsletter"),
        error_messages={"required": _("Tick the box to agree to receive the newsletter.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput)
    field_order = ["email", "language", "topics", "consent", "website", "source"]

    def __init__(self, *args, compact: bool = False, source: str = "", **kwargs):
        defaults = {"language": get_language(), "topics": [GENERAL_TOPIC], "source": source}
        kwargs["initial"] = defaults | kwargs.get("initial", {})
        super().__init__(*args, **kwargs)
        self.compact = compact
        self.consent_text = consent_text_shown()
        if compact:
            self.fields["topics"].required = False
            self.fields["language"].widget = forms.Select(choices=LANGUAGE_CHOICES)

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if self.compact and not topics:
            return list(_active_topics().filter(code=GENERAL_TOPIC))
        return list(topics)

    @property
    def is_robot(self) -> bool:
        """Return whether the honeypot was filled."""
        return bool(self.data.get("website", "").strip())

    def clean_source(self):
        source = self.cleaned_data["source"]
        # Only a path of this site: never a full address someone could plant in the ledger.
        if not source.startswith("/") or source.startswith("//"):
            return ""
        return source[:200]
