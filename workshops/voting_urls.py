"""Addresses of the workshop vote, under the language prefix: the participants' side and the facilitator's console."""

from django.urls import path

from . import voting

app_name = "voting"

urlpatterns = [
    path("vote/", voting.vote_enter, name="enter"),
    path("vote/sw.js", voting.service_worker, name="service-worker"),
    path("vote/<str:code>/", voting.ballot, name="ballot"),
    path("vote/<str:code>/ranking/", voting.ranking_page, name="ranking"),
    path("vote/<str:code>/ranking.json", voting.ranking_json, name="ranking-json"),
    path("workshops/<slug:slug>/facilitate/", voting.facilitate, name="facilitate"),
    path("workshops/<slug:slug>/facilitate/vote/", voting.facilitate_vote, name="facilitate-vote"),
    path("workshops/<slug:slug>/facilitate/paper/", voting.facilitate_paper, name="facilitate-paper"),
    path("workshops/<slug:slug>/facilitate/actions/", voting.facilitate_actions, name="facilitate-actions"),
]
