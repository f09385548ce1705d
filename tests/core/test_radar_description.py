"""A radar chart is read as one text, built once for every chart: each series with each of its points."""

from core.charts import Series, radar_description


def test_the_description_names_each_series_and_every_point_with_its_scale_and_the_unrated_ones():
    series = [
        Series(name="Fez 2021", values=[6, None, 3], color="#000"),
        Series(name="Fez 2019", values=[4, 5, None], color="#111"),
    ]

    text = radar_description(axes=["Governance", "Waste", "Supply"], series=series, not_rated="not rated")

    assert text == (
        "Fez 2021: Governance 6/10, Waste not rated, Supply 3/10. "
        "Fez 2019: Governance 4/10, Waste 5/10, Supply not rated"
    )
