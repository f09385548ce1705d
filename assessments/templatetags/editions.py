"""Template tags of the change over time: an indicator's small series across editions, drawn on the server."""

from django import template
from django.utils.translation import gettext as _

from core.charts import sparkline_svg

register = template.Library()


@register.simple_tag
def edition_sparkline(row) -> str:
    """Return the sparkline of an indicator change row (or its dict, in reports) across its editions."""
    points = row["points"] if isinstance(row, dict) else row.points
    get = (lambda point, key: point[key]) if isinstance(row, dict) else getattr
    name = row["name"] if isinstance(row, dict) else row.name
    labels = [str(get(point, "edition_year")) for point in points]
    figures = "; ".join(f"{label}: {get(point, 'display')}" for label, point in zip(labels, points, strict=True))
    return sparkline_svg(
        values=[get(point, "number") for point in points],
        labels=labels,
        title=_("%(name)s across editions — %(figures)s") % {"name": name, "figures": figures},
    )
