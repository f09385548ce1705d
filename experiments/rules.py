"""Who edits the experiments: the project team, and the officers of the territory that runs them (a partner user
whose city is the park); everyone reads what is published (django-rules)."""

import rules

from core.predicates import is_partner, is_team

MODELS = ("experiment", "funding", "partner", "tool", "observation", "toolphoto", "session", "feedback")


@rules.predicate
def is_officer_of_territory(user, territory) -> bool:
    """The user works for the territory (the park) itself."""
    return territory is not None and user.city_id == territory.pk


@rules.predicate
def is_officer_of_experiment(user, experiment) -> bool:
    """The user works for the territory that runs the experiment."""
    return experiment is not None and user.city_id == experiment.territory_id


rules.add_perm("experiments", is_team)
for model in MODELS:
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"experiments.{verb}_{model}", is_team)

# Starting an experiment in a territory with communes; running one (its tools, sessions, feedback, follow-ups).
rules.add_perm("experiments.start_experiment", is_team | (is_partner & is_officer_of_territory))
rules.add_perm("experiments.run_experiment", is_team | (is_partner & is_officer_of_experiment))
