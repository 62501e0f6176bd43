"""A member's e-mail address: given and taken off, checked as typed, carried in the export
(version 9), and an older file imports with none."""

from __future__ import annotations

import json
import re

import pytest

from sessions.errors import InputError
from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.services import people
from sessions.services.exchange import export_programme, import_programme
from sessions.services.governance import export_findings
from sessions.services.programmes import create_programme, list_programmes
from sessions.store import Store


@pytest.fixture
def member(store: Store):
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    (added,) = people.list_members(store, programme.id)
    return added


def _listed(store: Store):
    (programme,) = list_programmes(store)
    (member,) = people.list_members(store, programme.id)
    return member


def test_an_address_is_given_tidied_and_taken_off(store, member) -> None:
    assert member.email == ""
    given = people.set_member_email(store, member.id, "  asha.patel@nhs.net ")
    assert given.email == "asha.patel@nhs.net"
    assert _listed(store).email == "asha.patel@nhs.net"
    assert people.set_member_email(store, member.id, " ").email == ""


@pytest.mark.parametrize(
    "typed", ["asha", "asha@", "@nhs.net", "a b@nhs.net", "asha@localhost", "a@nhs.net, b@nhs.net"]
)
def test_what_is_no_address_is_refused_and_nothing_changes(store, member, typed) -> None:
    people.set_member_email(store, member.id, "asha.patel@nhs.net")
    with pytest.raises(InputError, match=re.escape("an e-mail address like asha.patel@nhs.net")):
        people.set_member_email(store, member.id, typed)
    assert _listed(store).email == "asha.patel@nhs.net"


def test_the_export_carries_the_address_and_brings_it_back(store, member, tmp_path) -> None:
    people.set_member_email(store, member.id, "asha.patel@nhs.net")
    # A member's work address is given on purpose: the export is not stopped for it.
    assert export_findings(store, "harbour-programme") == []
    text = export_programme(store, "harbour-programme")[1]
    data = json.loads(text)
    assert data["version"] == VERSION == 9
    assert data["members"][0]["email"] == "asha.patel@nhs.net"
    other = Store.open(tmp_path / "other.db")
    try:
        imported = import_programme(other, read_document(text, "harbour.json"))
        assert export_programme(other, imported.slug)[1] == text
        data["version"] = 8
        del data["members"][0]["email"]
        older = import_programme(other, read_document(json.dumps(data), "old.json"), "Older")
        again = json.loads(export_programme(other, older.slug)[1])
        assert again["members"][0]["email"] == ""
    finally:
        other.close()
