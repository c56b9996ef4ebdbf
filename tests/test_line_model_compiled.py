"""The line model's trees compiled to Python (cleaners/lines.py) give exactly what walking their node
lists gives: the same logit, float for float, and the same pulls per feature (a speed change must
leave every decision and every explanation as it was)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanmedia.cleaners.lines import FEATURES, LineModel, Tree, features, shipped_model

N = len(FEATURES)


def walked_logit(model: LineModel, x: list[float]) -> float:
    """The bias plus each tree's leaf value, in tree order, walking the node lists."""
    total = model.bias
    for feature, threshold, left, right, value in model.trees:
        i = 0
        while feature[i] >= 0:
            i = left[i] if x[feature[i]] <= threshold[i] else right[i]
        total = total + value[i]
    return total


def walked_pulls(model: LineModel, x: list[float]) -> list[float]:
    """Per feature, the change of node value at each split on the line's path, added in tree order:
    down the left branches in the first N values, down the right ones in the next N."""
    pulls = [0.0] * (2 * N)
    for feature, threshold, left, right, value in model.trees:
        i = 0
        while feature[i] >= 0:
            low = x[feature[i]] <= threshold[i]
            child = left[i] if low else right[i]
            pulls[feature[i] + (0 if low else N)] += value[child] - value[i]
            i = child
    return pulls


# Values near the shipped model's thresholds and beyond: counts, shares, flags and log lengths.
VALUES = st.one_of(
    st.sampled_from([0.0, 1.0, 0.5, -1.0]),
    st.floats(min_value=-1.0, max_value=12.0, allow_nan=False),
)


@given(st.lists(VALUES, min_size=N, max_size=N))
def test_the_compiled_trees_are_the_walked_trees(x: list[float]) -> None:
    model = shipped_model()
    assert model.logit(x) == walked_logit(model, x)
    assert model._pulls(x) == walked_pulls(model, x)


def test_the_compiled_trees_on_real_lines() -> None:
    """Feature vectors of a small dump (menus, prose, teasers), each at every threshold it meets."""
    lines = [
        "Home",
        "News",
        "Sport",
        "Weather",
        "The council approved the budget on Tuesday after a long debate about schools and buses.",
        "What changes for residents",
        "Buses will run more often from spring, and fees for nurseries stay the same despite costs.",
        "Most read",
        "New bridge opens over the river",
        "© 2026 Example Media",
    ]
    model = shipped_model()
    for x in features(lines, "en"):
        assert model.logit(x) == walked_logit(model, x)
        assert model._pulls(x) == walked_pulls(model, x)


def test_a_stump_on_a_feature_the_others_skip() -> None:
    """A tree that reads one feature only: the other features are never read (the vector may hold
    anything there)."""
    j = FEATURES.index("digits")
    stump: Tree = ((j, -1, -1), (0.25, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, 0.5, -1.5))
    model = LineModel((0.0,) * N, 0.25, 0.5, (0.0,) * N, (stump,))
    x = [float("nan")] * N
    x[j] = 0.3
    assert model.logit(x) == 0.25 + -1.5
    x[j] = 0.25
    assert model.logit(x) == 0.25 + 0.5
    assert model.decisive(x) == []
