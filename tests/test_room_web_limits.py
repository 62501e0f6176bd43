"""The room's limits on join-code tries, and its cookies over TLS: no database needed."""

from __future__ import annotations

import ssl

from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from facilitator.room.attempts import Attempts, address_of, retry_after
from facilitator.room.security import DEVICE_COOKIE, from_own_page, set_cookie
from tests.room_web import Seconds


def test_each_address_has_ten_tries_a_minute() -> None:
    seconds = Seconds()
    attempts = Attempts(seconds)
    assert all(attempts.try_from("192.168.1.20") == 0 for _ in range(10))
    wait = attempts.try_from("192.168.1.20")
    assert 59 <= wait <= 60 and retry_after(wait) == "60"
    assert attempts.try_from("192.168.1.21") == 0  # another phone is not held up
    seconds.now += 30
    assert 29 <= attempts.try_from("192.168.1.20") <= 30
    seconds.now += 31
    assert attempts.try_from("192.168.1.20") == 0


def test_every_address_together_is_capped() -> None:
    seconds = Seconds()
    attempts = Attempts(seconds, per_address=10, all_addresses=25)
    tries = [attempts.try_from(f"10.0.0.{n}") for n in range(40)]
    assert tries[:25] == [0] * 25 and all(wait > 0 for wait in tries[25:])
    seconds.now += 61
    assert attempts.try_from("10.0.0.99") == 0


def test_a_phones_ipv6_addresses_count_as_one() -> None:
    attempts = Attempts(Seconds())
    for n in range(10):
        assert attempts.try_from(f"2001:db8:1:2::{n:x}") == 0
    assert attempts.try_from("2001:db8:1:2:ffff::1") > 0
    assert attempts.try_from("2001:db8:1:3::1") == 0
    assert address_of("::ffff:192.168.1.20") == "192.168.1.20"
    assert address_of("2001:db8:1:2::5") == "2001:db8:1:2::/64"


def test_the_device_cookie_is_secure_only_over_tls() -> None:
    for context, secure in ((None, False), (ssl.create_default_context(), True)):
        request = make_mocked_request("POST", "/join", sslcontext=context)
        response = web.Response()
        set_cookie(response, request, DEVICE_COOKIE, "token")
        cookie = response.cookies[DEVICE_COOKIE]
        assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/"
        assert bool(cookie["secure"]) is secure


def test_a_form_is_the_pages_own_only_from_its_own_origin() -> None:
    def sent(**headers: str) -> bool:
        return from_own_page(
            make_mocked_request("POST", "/rate", headers={"Host": "192.168.1.5:8080", **headers})
        )

    assert sent(Origin="http://192.168.1.5:8080")
    assert sent(Referer="http://192.168.1.5:8080/item")
    assert not sent()
    assert not sent(Origin="null")
    assert not sent(Origin="https://192.168.1.5:8080")
    assert not sent(Origin="http://192.168.1.5:8081")
    assert not sent(Origin="http://evil.example", Referer="http://192.168.1.5:8080/item")
    assert not sent(Referer="http://evil.example/?http://192.168.1.5:8080")
