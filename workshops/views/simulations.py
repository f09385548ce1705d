"""Public pages of the ATLASS simulations: the scenario library and a published simulation session."""

from django.shortcuts import get_object_or_404, render

from .. import simulation


def scenario_list(request):
    return render(request, "workshops/simulation/scenario_list.html", {"scenarios": simulation.scenario_library()})


def simulation_detail(request, slug):
    sessions = simulation.simulation_sessions_visible(request.user).select_related("city", "scenario")
    workshop = get_object_or_404(sessions, slug=slug)
    return render(
        request,
        "workshops/simulation/simulation_detail.html",
        {"record": simulation.simulation_session(workshop=workshop)},
    )
