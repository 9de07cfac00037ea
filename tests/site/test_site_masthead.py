"""The home page's masthead facts: the sponsor and co-sponsors as a reader names them, the action as the action."""

from __future__ import annotations

import pytest

from generator.site.masthead import Sponsorship, sponsorship
from generator.site.pages import Site


def test_the_home_page_names_the_sponsor_and_co_sponsor_apart_from_the_action(rendered: Site) -> None:
    home = rendered.files["index.md"]
    assert '<tr><th scope="row">Sponsor</th><td>Ms. Cortez Masto</td></tr>' in home
    assert '<tr><th scope="row">Co-sponsor</th><td>Mr. Hagerty</td></tr>' in home
    assert ('<tr><th scope="row">Action</th><td>Introduced the following bill; which was read twice and '
            'referred to the Committee on Finance</td></tr>') in home
    assert "introduced the following" not in home.split('scope="row">Action')[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mr. Smith of Texas (for himself, Ms. Jones, Mr. Van Hollen, and Mrs. Kim of California) introduced the "
     "following bill; which was referred to the Committee on Ways and Means",
     Sponsorship("Mr. Smith of Texas", ("Ms. Jones", "Mr. Van Hollen", "Mrs. Kim of California"),
                 "Introduced the following bill; which was referred to the Committee on Ways and Means")),
    ("Ms. Lee (for herself and Mr. Hagerty) introduced the following\n  bill; which was read twice",
     Sponsorship("Ms. Lee", ("Mr. Hagerty",), "Introduced the following bill; which was read twice")),
    ("Mr. Crapo, from the Committee on Finance, reported the following original bill; which was read twice "
     "and placed on the calendar",
     Sponsorship("Mr. Crapo, from the Committee on Finance", (),
                 "Reported the following original bill; which was read twice and placed on the calendar")),
    ("Mr. Lee (by request) introduced the following bill; which was referred",
     Sponsorship("Mr. Lee (by request)", (), "Introduced the following bill; which was referred")),
    ("Mr. Thune (for Mr. Hagerty) introduced the following bill",
     Sponsorship("Mr. Thune (for Mr. Hagerty)", (), "Introduced the following bill")),
    ("Mr. Lee introduced the following bill", Sponsorship("Mr. Lee", (), "Introduced the following bill")),
    ("Received; read twice and placed on the calendar",
     Sponsorship("", (), "Received; read twice and placed on the calendar")),
])
def test_the_first_action_splits_into_sponsor_co_sponsors_and_action(sentence: str, expected: Sponsorship) -> None:
    assert sponsorship(sentence) == expected
