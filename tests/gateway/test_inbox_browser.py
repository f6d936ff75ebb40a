"""The staff inbox in headless Chromium, driven over the DevTools protocol: sign in, see the list
against the decision target, open a summary, record an outcome; the device then receives it."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from fcsync.outcomes import parse_outcome_list, verify_outcome
from gateway.cli import main
from tests.gateway.cdp import Browser, chromium_binary
from tests.gateway.conftest import RunningGateway
from tests.gateway.device import SimulatedDevice

CHROMIUM = chromium_binary()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
PASSWORD = "front door rota 2026"


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    instance = Browser(CHROMIUM)
    yield instance
    instance.close()


@pytest.fixture
def staff(running: RunningGateway, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--home", str(running.home), "add-staff", "amira", "--password-stdin"]) == 0
    return "amira"


def sign_in(browser: Browser, running: RunningGateway, user: str, password: str) -> None:
    browser.goto(running.base_url + "inbox")
    assert browser.url.endswith("/inbox/login")  # not signed in: sent to the sign-in page
    browser.fill("#username", user)
    browser.fill("#password", password)
    browser.click("#sign-in")


def test_sign_in_list_open_and_record_an_outcome(
    running: RunningGateway, device: SimulatedDevice, staff: str, browser: Browser
) -> None:
    sealed = device.seal()
    assert device.submit(sealed.envelope, sealed.submission_id).status_code == 201

    sign_in(browser, running, staff, PASSWORD)
    assert browser.url.endswith("/inbox")
    row = browser.text("#summaries tbody tr")
    assert "Pat Visitor" in row and "Awaiting decision" in row and "left" in row
    assert "0 min ago" in row or "1 min ago" in row  # time since receipt

    browser.click("#summaries tbody tr a")
    assert "/inbox/s/FC-" in browser.url
    assert browser.text("#child") == "Ada Example"
    assert browser.text("#practitioner") == "Pat Visitor"
    assert browser.text("#lawful-basis") == "Children Act 1989 s17"
    assert browser.text("#consent") == "Consent given by mother"
    assert "Physical care\t3" in browser.text("#grades")
    assert browser.text("#harm").splitlines() == ["Missed health appointments", "Home conditions poor"]
    assert browser.evaluate("document.querySelectorAll('#summary script').length") == 0
    assert "review weight" in browser.text("#plan")

    browser.evaluate("document.getElementById('decision-early_help').checked = true")
    browser.fill("#note", "Family support worker will call this week")
    browser.click("#record")
    assert "Outcome recorded" in browser.text("#message")
    assert browser.text("#decision") == "Early help"

    browser.goto(running.base_url + "inbox")
    assert "Early help" in browser.text("#summaries tbody tr")

    assert device.enrolment is not None
    [token] = parse_outcome_list(device.get("v1/outcomes").content).tokens
    outcome = verify_outcome(token, pinned_key=device.enrolment.receipt_key, expected_device_id=device.device_id)
    assert (outcome.decision, outcome.note) == ("early_help", "Family support worker will call this week")


def test_wrong_password_is_refused(running: RunningGateway, staff: str, browser: Browser) -> None:
    sign_in(browser, running, staff, "not the password")
    assert browser.url.endswith("/inbox/login")
    assert "do not match" in browser.text("#message")
    browser.goto(running.base_url + "inbox")
    assert browser.url.endswith("/inbox/login")


def test_outcome_post_without_the_form_token_is_refused(
    running: RunningGateway, device: SimulatedDevice, staff: str, browser: Browser
) -> None:
    """A cross-site form (no CSRF token) cannot record a decision, even with the session cookie."""
    sealed = device.seal()
    assert device.submit(sealed.envelope, sealed.submission_id).status_code == 201
    sign_in(browser, running, staff, PASSWORD)
    browser.click("#summaries tbody tr a")
    browser.evaluate("document.querySelector('#outcome-form input[name=csrf]').value = 'forged'")
    browser.evaluate("document.getElementById('decision-assessment').checked = true")
    browser.click("#record")
    assert "form expired" in browser.text("main")
    assert parse_outcome_list(device.get("v1/outcomes").content).tokens == ()
