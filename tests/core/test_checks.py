"""The claim checks the window, `annotator info` and the export flag (annotator.core.checks)."""

from __future__ import annotations

import pytest

from annotator.core.checks import (
    ATTRIBUTED_WITHOUT_SOURCE,
    UNATTRIBUTED_WITH_SOURCE,
    claim_checks,
)


@pytest.mark.parametrize("values,source_id,expected", [
    ({"attribution": "direct"}, None, [ATTRIBUTED_WITHOUT_SOURCE]),
    ({"attribution": "indirect", "certainty": "possible"}, None, [ATTRIBUTED_WITHOUT_SOURCE]),
    ({"attribution": "direct"}, 7, []),
    ({"attribution": "unattributed"}, None, []),
    ({"attribution": "unattributed"}, 7, [UNATTRIBUTED_WITH_SOURCE]),
    ({}, None, []),  # not coded yet: nothing to say
    ({"certainty": "certain"}, 7, []),
])
def test_claim_checks(values, source_id, expected):
    assert claim_checks(values, source_id) == expected
