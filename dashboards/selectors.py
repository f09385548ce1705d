"""The duo dashboard as a viewer reads it, for the page, the CSV export and the API alike."""

from .cache import public_cached
from .dashboard import DuoDashboard, duo_dashboard_data


def dashboard_read(
    *, duo, user, compare: int | None = None, category: str | None = None, initiatives: int | None = None
) -> DuoDashboard:
    """Return the dashboard of a duo the user may see (cities.selectors.duo_for), as the user may read it.

    The public's is cached until the data changes; a logged-in viewer's is computed each time, so a partner's view
    (with the drafts shared with the duo) is never served to anyone else. `compare` is the year of the earlier
    edition each city is compared with (its baseline when None); `category` and `initiatives` narrow what is built
    as duo_dashboard_data says (everything when None).
    """
    if user.is_authenticated:
        return duo_dashboard_data(duo=duo, user=user, compare=compare, category=category, initiatives=initiatives)
    key = duo.slug if compare is None else f"{duo.slug}:{compare}"
    if category is not None or initiatives is not None:
        key += f":category={category}:initiatives={initiatives}"
    return public_cached(
        "duo-dashboard",
        key,
        lambda: duo_dashboard_data(duo=duo, compare=compare, category=category, initiatives=initiatives),
        # A made-up category (a page not found) is not kept.
        keep=lambda dashboard: not category or category in [row.code for row in dashboard.categories],
    )
