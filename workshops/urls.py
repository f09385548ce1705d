"""Addresses of the workshops app, under the language prefix: the workshops and missions (`workshops:`), the vote's
participants' side and facilitator's console (`voting:`), and the action plans, food
infrastructure and simulations (`plans:`). The project's URLs include each list with its namespace."""

from django.urls import path

from .views import facilitation, plans, simulations, voting, workshops

workshop_urls = [
    path("missions/", workshops.mission_list, name="mission-list"),
    path("missions/<slug:slug>/", workshops.mission_detail, name="mission-detail"),
    path("workshops/", workshops.workshop_list, name="workshop-list"),
    path("workshops/calendar.ics", workshops.workshops_ics, name="workshop-feed"),
    path("workshops/<slug:slug>/", workshops.workshop_detail, name="workshop-detail"),
    path("workshops/<slug:slug>/notes/", workshops.workshop_notes, name="workshop-notes"),
    path("workshops/<slug:slug>/calendar.ics", workshops.workshop_ics, name="workshop-ics"),
]

voting_urls = [
    path("vote/", voting.vote_enter, name="enter"),
    path("vote/sw.js", voting.service_worker, name="service-worker"),
    path("vote/<str:code>/", voting.ballot, name="ballot"),
    path("vote/<str:code>/ranking/", voting.ranking_page, name="ranking"),
    path("vote/<str:code>/ranking.json", voting.ranking_json, name="ranking-json"),
    path("workshops/<slug:slug>/facilitate/", facilitation.facilitate, name="facilitate"),
    path("workshops/<slug:slug>/facilitate/vote/", facilitation.facilitate_vote, name="facilitate-vote"),
    path("workshops/<slug:slug>/facilitate/paper/", facilitation.facilitate_paper, name="facilitate-paper"),
    path("workshops/<slug:slug>/facilitate/actions/", facilitation.facilitate_actions, name="facilitate-actions"),
]

plan_urls = [
    path("duos/<slug:slug>/plan/", plans.duo_plan, name="duo-plan"),
    path("plan/actions/<int:pk>/", plans.action_detail, name="action-detail"),
    path("plan/actions/<int:pk>/update/", plans.action_update, name="action-update"),
    path("plan/milestones/<int:pk>/done/", plans.milestone_done, name="milestone-done"),
    path("plan/mine/", plans.mine, name="mine"),
    path("plan/milestones/<int:pk>/postpone/", plans.milestone_postpone, name="milestone-postpone"),
    path("plan/milestones/<int:pk>/edit/", plans.milestone_edit, name="milestone-edit"),
    path("plan/actions/<int:pk>/milestones/add/", plans.milestone_add, name="milestone-add"),
    path("plan/actions/<int:pk>/owners/", plans.action_owners, name="action-owners"),
    path("territories/<slug:slug>/plan/", plans.territory_plan, name="territory-plan"),
    path("territories/<slug:slug>/infrastructure/", plans.infrastructure, name="infrastructure"),
    path("scenarios/", simulations.scenario_list, name="scenario-list"),
    path("simulations/<slug:slug>/", simulations.simulation_detail, name="simulation-detail"),
]
