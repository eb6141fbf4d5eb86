"""score_to_level: one pure function, boundaries belong to the upper level."""

from __future__ import annotations

import math

import pytest

from quote_desk.core.linking import LinkingConfig, score_to_level


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (100.0, "linked"),
        (88.0, "linked"),
        (87.9999, "suggest"),
        (70.0, "suggest"),
        (69.9999, "none"),
        (0.0, "none"),
    ],
)
def test_default_boundaries(score: float, level: str) -> None:
    assert score_to_level(score) == level


@pytest.mark.parametrize(
    ("score", "level"), [(95.0, "linked"), (94.99, "suggest"), (50.0, "suggest"), (49.99, "none")]
)
def test_boundaries_follow_the_thresholds_given(score: float, level: str) -> None:
    assert score_to_level(score, linked_at=95.0, suggest_at=50.0) == level


@pytest.mark.parametrize("bad", [-0.01, 100.01, math.nan, math.inf])
def test_out_of_range_scores_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        score_to_level(bad)


def test_config_refuses_inconsistent_thresholds_and_weights() -> None:
    with pytest.raises(ValueError):
        LinkingConfig(linked_at=60.0, suggest_at=70.0)
    with pytest.raises(ValueError):
        LinkingConfig(w_ratio=0.9, w_token_sort=0.9, w_skeleton=0.0)
