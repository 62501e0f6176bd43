"""The room over TLS, given a certificate: served as https, the phone's cookie sent only
over it, and nothing older than TLS 1.2."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import aiohttp
import pytest

from facilitator.cli import main
from facilitator.room.announce import OVER_TLS, PLAIN_HTTP
from facilitator.room.place import Place, tls_context
from sessions.errors import InputError
from sessions.services.programmes import create_programme
from tests.room_command import room_served
from tests.room_web import Phone, field, ratings_of
from tests.test_room import session_on_card

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(
    OPENSSL is None, reason="needs openssl to make a certificate (Debian: apt-get install openssl)"
)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, and its key."""
    cert, key = tmp_path / "room.pem", tmp_path / "room.key"
    subprocess.run(
        [
            *(OPENSSL, "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@needs_openssl
async def test_a_phone_joins_and_rates_over_tls(store, programme, certificate) -> None:
    sid, _ = session_on_card(store, programme)
    cert, key = certificate
    place = Place("127.0.0.1", 0, tls_context(cert, key))
    assert place.tls is not None and place.tls.minimum_version == ssl.TLSVersion.TLSv1_2
    async with room_served(store, sid, place) as room:
        assert room.address.startswith("https://127.0.0.1:")
        assert "\n".join(OVER_TLS) in room.printed and PLAIN_HTTP[0] not in room.printed
        phone = Phone(room.at)
        await phone.http.close()  # the phone trusts this one certificate, and only it
        trusted = ssl.create_default_context(cafile=str(cert))
        phone.origin = room.address
        phone.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(ssl=trusted),
        )
        try:
            response, page = await phone.join(room.code)
            assert response.status == 200 and "You joined as Anonymous." in page
            [cookie] = [c for c in phone.http.cookie_jar if c.key == "room_device"]
            assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Strict"
            response, page = await phone.post(
                "/rate", {"csrf": field(page, "csrf"), "item": field(page, "item"), "s0": "2"}
            )
            assert response.status == 200 and "Saved." in page
        finally:
            await phone.close()
    assert ratings_of(store, sid) == [(2,), ()]


@needs_openssl
async def test_plain_http_to_the_tls_port_gets_no_page(store, programme, certificate) -> None:
    sid, _ = session_on_card(store, programme)
    cert, key = certificate
    async with room_served(store, sid, Place("127.0.0.1", 0, tls_context(cert, key))) as room:
        plain = room.address.replace("https://", "http://")
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.ClientError):
                async with client.get(plain + "/"):
                    pass


def test_a_certificate_that_cannot_be_read_is_one_line(tmp_path, capsys) -> None:
    missing = tmp_path / "missing.pem"
    with pytest.raises(InputError, match="Cannot use the certificate"):
        tls_context(missing, missing)
    assert main(["room", "--cert", str(missing), "--key", str(missing)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"facilitator: Cannot use the certificate {missing}")
        and err.count("\n") == 1
    )


def test_a_file_that_is_no_certificate_is_one_line(tmp_path, capsys) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    assert main(["room", "--cert", str(junk), "--key", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("facilitator: Cannot use the certificate") and err.count("\n") == 1
