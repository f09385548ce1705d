"""PDF reports in the API: ask for one, then poll it until its file is ready (what report-progress.js does)."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from ..errors import ReportError
from ..models import Report
from ..requests import report_request
from ..views import RATE_PER_IP, RATE_RETRY_AFTER, report_request_limited, requested_by


class ReportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Report.Kind.choices)
    subject = serializers.SlugField(
        required=False,
        default="",
        allow_blank=True,
        help_text="The slug of a published city or duo; ignored for the compilation (one per language and data).",
    )
    language = serializers.ChoiceField(choices=settings.LANGUAGES)

    refuses_unknown_fields = True  # a misspelt field is named, not ignored

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: [_("Unknown field.")] for name in unknown})
        if attrs["kind"] == Report.Kind.COMPILATION:
            attrs["subject"] = ""  # the compilation has no subject: any given is ignored
        elif not attrs.get("subject"):
            raise serializers.ValidationError({"subject": _("A city or duo report needs the slug of its subject.")})
        return attrs


class SubjectReportRequestSerializer(serializers.Serializer):
    """The schema of a city, duo or experiment report request: its subject is required."""

    refuses_unknown_fields = True

    kind = serializers.ChoiceField(
        choices=[Report.Kind.CITY.value, Report.Kind.DUO.value, Report.Kind.EXPERIMENT.value]
    )
    subject = serializers.SlugField(help_text="The slug of a published city, duo or experiment (as `kind` says).")
    language = serializers.ChoiceField(choices=settings.LANGUAGES)


class CompilationRequestSerializer(serializers.Serializer):
    """The schema of a compilation request: no subject (one given is ignored)."""

    refuses_unknown_fields = True

    kind = serializers.ChoiceField(choices=[Report.Kind.COMPILATION.value])
    subject = serializers.CharField(required=False, allow_blank=True, help_text="Ignored.")
    language = serializers.ChoiceField(choices=settings.LANGUAGES)


# What the schema says of ReportRequestSerializer: a subject for a city or a duo, none for the compilation.
REPORT_REQUEST = PolymorphicProxySerializer(
    component_name="ReportRequest",
    serializers={
        Report.Kind.CITY.value: SubjectReportRequestSerializer,
        Report.Kind.DUO.value: SubjectReportRequestSerializer,
        Report.Kind.EXPERIMENT.value: SubjectReportRequestSerializer,
        Report.Kind.COMPILATION.value: CompilationRequestSerializer,
    },
    resource_type_field_name="kind",
)


class ReportSerializer(serializers.ModelSerializer):
    subject = serializers.SlugField(
        read_only=True, allow_blank=True, help_text="The city, duo or experiment slug; empty for the compilation."
    )
    url = serializers.SerializerMethodField(help_text="This resource: poll it until `status` is done or failed.")
    page_url = serializers.SerializerMethodField(help_text="The report's page, with its progress bar.")
    file_url = serializers.SerializerMethodField(help_text="The PDF file once `status` is done; null before.")
    error = serializers.SerializerMethodField(help_text="Why the rendering failed (the team only); empty otherwise.")

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "subject",
            "language",
            "status",
            "progress",
            "url",
            "page_url",
            "file_url",
            "pages",
            "size",
            "requested_at",
            "finished_at",
            "error",
        ]

    def get_url(self, report) -> str:
        return self.context["request"].build_absolute_uri(reverse("report-detail", kwargs={"pk": report.pk}))

    def get_page_url(self, report) -> str:
        with translation.override(report.language):
            path = reverse("report-status", kwargs={"pk": report.pk})
        return self.context["request"].build_absolute_uri(path)

    def get_file_url(self, report) -> str | None:
        if report.status != Report.Status.DONE or not report.file:
            return None
        # The storage's URL (S3: absolute), or for a private report the view that checks permission.
        return self.context["request"].build_absolute_uri(report.download_url())

    def get_error(self, report) -> str:
        user = self.context["request"].user
        return report.error if user.is_authenticated and user.is_staff else ""


@extend_schema(
    operation_id="report_request",
    request=REPORT_REQUEST,
    responses={
        202: OpenApiResponse(ReportSerializer, description="A rendering was queued: poll `url`."),
        200: OpenApiResponse(
            ReportSerializer, description="The report of the same data, already rendered or being rendered."
        ),
        400: OpenApiResponse(description="Unknown kind or language, a missing or malformed subject: each is named."),
        404: OpenApiResponse(description="No published city, duo or experiment of that slug (`subject` says which)."),
        429: OpenApiResponse(description=f"Too many requests from this IP (at most {RATE_PER_IP}), or from anywhere."),
        503: OpenApiResponse(description="Requests cannot be counted for a moment: try again after Retry-After."),
    },
    examples=[
        OpenApiExample("A city report", {"kind": "city", "subject": "lyon", "language": "en"}, request_only=True),
        OpenApiExample("The compilation", {"kind": "compilation", "language": "fr"}, request_only=True),
    ],
    description=(
        "Ask for a PDF report: `city` (subject: a published city's slug), `duo` (a published duo's slug), "
        "`experiment` (a published experiment's slug: its capitalisation report) or "
        "`compilation` (no subject: one given is ignored), in `en` or `fr`. Reports show published data only, so "
        "anyone may ask, "
        f"{RATE_PER_IP} per IP. When the data has not changed since a report of the same document was made (or "
        "queued), that report is returned (200) and nothing is rendered again; otherwise a new one is queued (202). "
        "A logged-in caller is remembered on the report and emailed the link when it is ready."
    ),
    tags=["reports"],
)
@api_view(["POST"])
@permission_classes([AllowAny])  # public documents: anyone may ask, within the rate limit
def report_list(request):
    if report_request_limited(request):
        return Response(
            {"detail": "Too many report requests; try again later."},
            status=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(RATE_RETRY_AFTER)},
        )
    data = ReportRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        report, queued = report_request(**data.validated_data, by=requested_by(request))
    except ReportError as exc:  # a well-formed slug that names nothing published
        return Response({"subject": [str(exc)]}, status=status.HTTP_404_NOT_FOUND)
    output = ReportSerializer(report, context={"request": request}).data
    return Response(output, status=status.HTTP_202_ACCEPTED if queued else status.HTTP_200_OK)


@extend_schema(
    operation_id="report_detail",
    responses={200: ReportSerializer, 404: OpenApiResponse(description="No such report.")},
    description=(
        "A report's status (`queued`, `rendering`, `done`, `failed`) and progress (0 to 100); once done, the URL "
        "of its PDF file, its number of pages and its size in bytes."
    ),
    tags=["reports"],
)
@api_view(["GET"])
def report_detail(request, pk):
    report = get_object_or_404(Report, pk=pk)
    return Response(ReportSerializer(report, context={"request": request}).data)
