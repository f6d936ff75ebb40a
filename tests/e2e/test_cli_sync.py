"""`homevisit enrol`, `share`, `sync` and `outbox` as real processes with a real key store, against
a real gateway over loopback TLS (through the test proxy, passing everything)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.casefile.assessments import write_assessment
from assessments import gcp2
from assessments.record import AreaGrade, Assessment, SubAreaGrade
from tests.e2e.conftest import Cli, case_file, write_json
from tests.sync.conftest import Site, running_site, sync_tls  # noqa: F401 - fixtures `site`, `tls`
from tests.sync.proxy import Fault, always

PRIVATE = "PRIVATE-NOTE-PLUGH"


def completed(assessment_id: str, child: str, status: str = "complete") -> dict[str, Any]:
    done = status == "complete"
    return write_assessment(Assessment(
        id=assessment_id, child=child, started_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
        status="complete" if done else "draft",
        completed_at=datetime(2026, 10, 20, 16, tzinfo=UTC) if done else None,
        sub_areas={s: SubAreaGrade(3, "seen") for s in gcp2.SUB_AREA_IDS},
        areas={a: AreaGrade(3) for a in gcp2.AREA_IDS}, practitioner_only=PRIVATE,
    ))


def loaded(cli: Cli) -> None:
    cli.init("--gcp2-trained-on", "2025-03-01")
    document = case_file(visits_per_family=1)
    document["families"][0]["assessments"] = [completed("G-done", "K0b"),
                                              completed("G-draft", "K0a", status="draft")]
    result = cli.run("import", str(write_json(cli.tmp / "in.json", document)), "--passphrase-stdin")
    assert result.code == 0, result.err


def enrol(cli: Cli, site: Site, code: str | None = None) -> Any:
    ca_copy = cli.tmp / "gateway-ca.pem"
    shutil.copy(site.tls.ca_file, ca_copy)
    result = cli.run("enrol", site.proxy.base_url, "--code", code or site.enrolment_code(),
                     "--ca-file", str(ca_copy), "--passphrase-stdin")
    ca_copy.unlink()  # the profile keeps its own copy
    return result


def share(cli: Cli, assessment: str) -> Any:
    return cli.run("share", assessment, "--lawful-basis", "public_task", "--consent", "not_sought",
                   "--reason", "asking would put the child at risk", "--passphrase-stdin")


def test_enrol_share_sync_and_outbox_from_the_command_line(cli: Cli, site: Site) -> None:
    loaded(cli)
    enrolled = enrol(cli, site)
    assert (enrolled.code, enrolled.err) == (0, ""), enrolled.err
    assert site.gateway is not None
    keys = site.gateway.gateway.keys
    from fcsync.keys import fingerprint

    assert fingerprint(keys.sealing_key.public_key()) in enrolled.out
    assert fingerprint(keys.receipt_key.public_key()) in enrolled.out

    first = share(cli, "G-done")
    assert first.code == 0 and "queued submission" in first.out and "second" not in first.out
    listing = cli.run("outbox", "--passphrase-stdin")
    [line] = listing.out.splitlines()
    sid, state, attempts, family, assessment = line.split("\t")[:5]
    assert (state, attempts, family, assessment) == ("queued", "0", "F0", "G-done") and sid in first.out

    synced = cli.run("sync", "--passphrase-stdin")
    assert (synced.code, synced.err) == (0, ""), synced.err
    assert "delivered 1 now" in synced.out
    [line] = cli.run("outbox", "--passphrase-stdin").out.splitlines()
    assert line.split("\t")[1] == "delivered" and line.split("\t")[6].startswith("FC-")

    again = share(cli, "G-done")
    assert again.code == 0 and "second share" in again.out
    assert cli.run("sync", "--passphrase-stdin").code == 0
    assert site.gateway.stored_rows() == 2
    decisions = cli.export()["families"][0]["sharing_decisions"]
    assert [d["channel"] for d in decisions] == ["app", "app"]
    assert decisions[1]["repeats"] == decisions[0]["id"] and PRIVATE not in str(decisions)
    assert not any(p.name.endswith("-wal") and p.stat().st_size for p in cli.data_dir.iterdir())


@pytest.mark.parametrize(
    ("assessment", "words"),
    [("G-draft", "only a completed assessment"), ("G-nowhere", "G-nowhere")],
)
def test_sharing_a_draft_or_an_unknown_assessment_is_exit_2(cli: Cli, site: Site, assessment: str, words: str) -> None:
    loaded(cli)
    assert enrol(cli, site).code == 0
    result = share(cli, assessment)
    assert result.code == 2 and result.err.count("\n") == 1 and words in result.err
    assert cli.run("outbox", "--passphrase-stdin").out == ""


@pytest.mark.parametrize("which", ["unknown", "used", "expired"])
def test_a_bad_expired_or_used_code_is_exit_2_with_one_line(cli: Cli, site: Site, which: str) -> None:
    cli.init()
    assert site.gateway is not None
    store = site.gateway.gateway.store
    if which == "unknown":
        code = "AAAA-BBBB-CCCC"
    elif which == "expired":
        code = store.issue_enrolment_code("Priya Shah", datetime.now(UTC) - timedelta(days=2))
    else:
        code = site.enrolment_code()
        from tests.gateway.device import SimulatedDevice

        with site.gateway.client() as http:  # another laptop used it first
            assert SimulatedDevice(site.proxy.base_url, http).enrol(code).status_code == 201
    result = enrol(cli, site, code)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "enrolment code is unknown, already used or expired" in result.err


def test_sync_is_exit_1_with_counts_when_summaries_are_still_waiting(cli: Cli, site: Site) -> None:
    loaded(cli)
    assert enrol(cli, site).code == 0
    assert share(cli, "G-done").code == 0
    site.proxy.plan = always(Fault.PORTAL)  # a hotel's sign-in page answers everything
    result = cli.run("sync", "--passphrase-stdin")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "1 not delivered: 1 queued, 0 paused, 0 need action" in result.err
    [line] = cli.run("outbox", "--passphrase-stdin").out.splitlines()
    assert line.split("\t")[1] == "queued" and "bad-receipt" in line
    site.proxy.plan = always(Fault.PASS)
    assert cli.run("sync", "--passphrase-stdin").code == 0


def test_sync_before_enrolling_is_one_clear_line(cli: Cli) -> None:
    loaded(cli)
    result = cli.run("sync", "--passphrase-stdin")
    assert result.code == 1 and result.err.count("\n") == 1 and "homevisit enrol" in result.err
