"""Content packs: signed loading, every refusal with its reason, signing, and the JSON Schema."""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from assessments import gcp2
from assessments.content_pack import (
    ContentPackError,
    key_id,
    load_content_pack,
    sign_content_pack,
)

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "tests" / "data" / "packs"
SAMPLE = PACKS / "zephyr-sample.pack.json"
MARKER = "ZEPHYR-PACK-TEXT"


def _private_key() -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(
        (PACKS / "zephyr-test-signing-key.pem").read_bytes(), None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def _public_key() -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(
        (PACKS / "zephyr-test-signing-key.pub.pem").read_bytes())
    assert isinstance(key, Ed25519PublicKey)
    return key


def _document() -> dict[str, Any]:
    doc = json.loads(SAMPLE.read_bytes())
    assert isinstance(doc, dict)
    return doc


def _sign_raw(doc: dict[str, Any], key: Ed25519PrivateKey, *, kid: str | None = None) -> bytes:
    """The envelope as docs/content-packs.md describes it, built independently of the loader so
    a test proves the documented format, and so malformed packs can be signed."""
    body = {k: v for k, v in doc.items() if k != "signature"}
    signature = key.sign(rfc8785.dumps(body))
    body["signature"] = {"alg": "Ed25519", "key_id": kid or key_id(key.public_key()),
                         "value": base64.b64encode(signature).decode()}
    return json.dumps(body).encode()


def _load(raw: bytes) -> Any:
    return load_content_pack(raw, trusted_keys=[_public_key()])


def _schema() -> dict[str, Any]:
    text = resources.files("assessments").joinpath("gcp2-pack-1.schema.json").read_text("utf-8")
    schema = json.loads(text)
    assert isinstance(schema, dict)
    return schema


# --- the good pack --------------------------------------------------------------------------

def test_sample_pack_loads() -> None:
    pack = _load(SAMPLE.read_bytes())
    assert (pack.id, pack.version) == ("zephyr-sample", 1)
    assert pack.organisation == "Zephyr Demonstration Trust (invented)"
    assert pack.key_id == key_id(_public_key()) == _document()["signature"]["key_id"]
    assert len(pack.items) == 26
    assert [i.sub_area_id for i in pack.items][::2] == list(gcp2.SUB_AREA_IDS)
    assert len(pack.digest) == 64


def test_every_text_in_the_sample_carries_the_marker() -> None:
    """Leak tests elsewhere search exports and reports for the marker: it must be everywhere."""
    pack = _load(SAMPLE.read_bytes())
    texts = [pack.licence] + [i.text for i in pack.items]
    texts += [d for i in pack.items for d in i.descriptors.values()]
    texts += [d for ds in pack.sub_area_descriptors.values() for d in ds.values()]
    assert len(texts) == 1 + 26 + 5 * 5 + 8 * 5  # licence, items, item and sub-area grades
    assert all(MARKER in t for t in texts)


@pytest.mark.parametrize(("age_months", "expected"), [
    (None, ["zephyr.nutrition.1", "zephyr.nutrition.2"]),
    (0, ["zephyr.nutrition.1"]),
    (11, ["zephyr.nutrition.1"]),
    (12, ["zephyr.nutrition.2"]),
    (100, ["zephyr.nutrition.2"]),
])
def test_items_by_age_band(age_months: int | None, expected: list[str]) -> None:
    pack = _load(SAMPLE.read_bytes())
    assert [i.id for i in pack.items_for("physical_care.nutrition", age_months)] == expected


def test_items_without_bands_apply_at_every_age() -> None:
    pack = _load(SAMPLE.read_bytes())
    assert len(pack.items_for("safety.in_absence", 200)) == 2


@pytest.mark.parametrize(("sub_id", "grade", "item_id", "fragment"), [
    ("physical_care.nutrition", 3, "zephyr.nutrition.1", "Invented descriptor 3 for the moon"),
    ("safety.in_presence", 5, "zephyr.in_presence.1", "sub-area descriptor 5 (In presence"),
    ("safety.in_presence", 2, None, "sub-area descriptor 2 (In presence"),
    ("physical_care.nutrition", 4, "zephyr.nutrition.2", None),  # neither item nor sub-area
])
def test_descriptor_prefers_the_item(sub_id: str, grade: int, item_id: str | None,
                                     fragment: str | None) -> None:
    found = _load(SAMPLE.read_bytes()).descriptor(sub_id, grade, item_id)
    if fragment is None:
        assert found is None
    else:
        assert found is not None and fragment in found


def test_suggestion_rules_and_item_ids() -> None:
    pack = _load(SAMPLE.read_bytes())
    assert {a: pack.suggestion_kind(a) for a in gcp2.AREA_IDS} == {
        "physical_care": "max", "safety": "mode_then_max", "emotional_care": "median",
        "developmental_care": "none"}
    assert pack.item_ids("emotional_care.carer") == {"zephyr.carer.1", "zephyr.carer.2"}


def test_signing_is_deterministic_and_reproduces_the_sample() -> None:
    doc = _document()
    del doc["signature"]
    assert sign_content_pack(doc, _private_key()) == SAMPLE.read_bytes()


def test_reformatting_does_not_break_the_signature() -> None:
    """The signature covers canonical JSON, so re-indenting or re-ordering keys is harmless."""
    doc = _document()
    reordered = dict(reversed(list(doc.items())))
    assert _load(json.dumps(reordered, separators=(",", ":")).encode()).digest == \
        _load(SAMPLE.read_bytes()).digest


def test_any_of_several_trusted_keys_may_sign() -> None:
    other = Ed25519PrivateKey.generate().public_key()
    pack = load_content_pack(SAMPLE.read_bytes(), trusted_keys=[other, _public_key()])
    assert pack.id == "zephyr-sample"


def test_sign_replaces_an_old_signature() -> None:
    new_key = Ed25519PrivateKey.generate()
    raw = sign_content_pack(_document(), new_key)
    pack = load_content_pack(raw, trusted_keys=[new_key.public_key()])
    assert pack.key_id == key_id(new_key.public_key())


def test_sign_refuses_a_pack_the_app_would_refuse() -> None:
    doc = _document()
    doc["sub_areas"]["safety.on_the_moon"] = {"items": [{"id": "x", "text": "y"}]}
    with pytest.raises(ContentPackError, match="unknown sub-area id"):
        sign_content_pack(doc, _private_key())


# --- refusals before the signature is trusted ------------------------------------------------

def _resigned(change: Callable[[dict[str, Any]], None]) -> bytes:
    doc = _document()
    change(doc)
    return _sign_raw(doc, _private_key())


def _tampered_text(doc: dict[str, Any]) -> bytes:
    doc["sub_areas"]["physical_care.hygiene"]["items"][0]["text"] += " (edited)"
    return json.dumps(doc).encode()


def _flipped_signature(doc: dict[str, Any]) -> bytes:
    value = bytearray(base64.b64decode(doc["signature"]["value"]))
    value[0] ^= 1
    doc["signature"]["value"] = base64.b64encode(bytes(value)).decode()
    return json.dumps(doc).encode()


def _unsigned(doc: dict[str, Any]) -> bytes:
    del doc["signature"]
    return json.dumps(doc).encode()


def _signature_field(**fields: Any) -> Callable[[dict[str, Any]], bytes]:
    def change(doc: dict[str, Any]) -> bytes:
        doc["signature"].update(fields)
        doc["signature"] = {k: v for k, v in doc["signature"].items() if v is not None}
        return json.dumps(doc).encode()
    return change


def _other_key(doc: dict[str, Any]) -> bytes:
    return _sign_raw(doc, Ed25519PrivateKey.generate())


def _spoofed_key_id(doc: dict[str, Any]) -> bytes:
    return _sign_raw(doc, Ed25519PrivateKey.generate(), kid=key_id(_public_key()))


def _version_bumped_unsigned(doc: dict[str, Any]) -> bytes:
    doc["version"] = 2  # a newer version must come with a new signature
    return json.dumps(doc).encode()


REFUSED_RAW: list[tuple[str, Callable[[dict[str, Any]], bytes], str]] = [
    ("unsigned", _unsigned, "unsigned"),
    ("tampered text", _tampered_text, "changed after signing"),
    ("tampered version", _version_bumped_unsigned, "changed after signing"),
    ("damaged signature", _flipped_signature, "changed after signing"),
    ("wrong key", _other_key, "not one of the organisation keys"),
    ("spoofed key id", _spoofed_key_id, "changed after signing"),
    ("other algorithm", _signature_field(alg="RS256"), "unsupported algorithm"),
    ("no key id", _signature_field(key_id=None), "exactly alg, key_id and value"),
    ("not base64", _signature_field(value="%%%"), "not valid base64"),
    ("short signature", _signature_field(value="AAAA"), "64 bytes"),
    ("no format", lambda d: json.dumps({k: v for k, v in d.items() if k != "format"}).encode(),
     "has no format"),
    ("future format", lambda d: _sign_raw({**d, "format": "homevisit.gcp2-pack/2"},
                                          _private_key()), "unknown pack format"),
    ("another format", lambda d: json.dumps({**d, "format": "homevisit.case/1"}).encode(),
     "unknown pack format"),
    ("not JSON", lambda d: b'{"format": ', "not valid JSON"),
    ("not UTF-8", lambda d: b"\xff\xfe{}", "not UTF-8"),
    ("not an object", lambda d: b"[1, 2]", "not a JSON object"),
    ("duplicate key", lambda d: b'{"format": "homevisit.gcp2-pack/1", "format": "x"}',
     "twice in one object"),
    ("fraction", lambda d: json.dumps({**d, "version": 1.5}).encode(), "only whole numbers"),
    ("NaN", lambda d: b'{"format": NaN}', "only whole numbers"),
]


@pytest.mark.parametrize(("raw_change", "reason"), [r[1:] for r in REFUSED_RAW],
                         ids=[r[0] for r in REFUSED_RAW])
def test_refused_before_trust(raw_change: Callable[[dict[str, Any]], bytes],
                              reason: str) -> None:
    with pytest.raises(ContentPackError, match=reason) as caught:
        _load(raw_change(_document()))
    assert caught.value.reason == str(caught.value)


def test_refused_without_any_configured_key() -> None:
    with pytest.raises(ContentPackError, match="no organisation signing key is configured"):
        load_content_pack(SAMPLE.read_bytes(), trusted_keys=[])


def test_refusal_reasons_never_quote_pack_text() -> None:
    with pytest.raises(ContentPackError) as caught:
        _load(_tampered_text(_document()))
    assert MARKER not in caught.value.reason


# --- structural refusals of correctly signed packs --------------------------------------------

def _items(doc: dict[str, Any], sub: str = "safety.in_presence") -> list[dict[str, Any]]:
    items = doc["sub_areas"][sub]["items"]
    assert isinstance(items, list)
    return items


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        node: Any = doc
        for step in path[:-1]:
            node = node[step]
        if value is _DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value
    return change


_DELETE = object()
S = "sub_areas"
PRES = "safety.in_presence"

# (name, change, expected reason fragment, does the JSON Schema alone also catch it?)
STRUCTURE_ERRORS: list[tuple[str, Callable[[dict[str, Any]], None], str, bool]] = [
    ("unknown sub-area", _set([S, "safety.online"], {"items": [{"id": "a", "text": "b"}]}),
     "$.sub_areas['safety.online']: unknown sub-area id", True),
    ("missing sub-area", _set([S, "developmental_care.approval"], _DELETE),
     "$.sub_areas['developmental_care.approval']: is missing", True),
    ("duplicate item id in a sub-area", _set([S, PRES, "items", 1, "id"], "zephyr.in_presence.1"),
     "items[1].id: duplicate item id 'zephyr.in_presence.1'", False),
    ("duplicate item id across sub-areas",
     _set([S, "safety.in_absence", "items", 0, "id"], "zephyr.in_presence.1"),
     "$.sub_areas['safety.in_absence'].items[0].id: duplicate item id", False),
    ("descriptor grade 0", _set([S, PRES, "descriptors", "0"], "x"), "['0']: grades are 1 to 5",
     True),
    ("descriptor grade 6", _set([S, "physical_care.health", "items", 0, "descriptors", "6"], "x"),
     "items[0].descriptors['6']: grades are 1 to 5", True),
    ("descriptor grade as a word", _set([S, PRES, "descriptors", "one"], "x"), "grades are 1 to 5",
     True),
    ("empty descriptors", _set([S, PRES, "descriptors"], {}), "descriptors: must be an object",
     True),
    ("blank descriptor", _set([S, PRES, "descriptors", "3"], "   "), "must be non-empty text",
     True),
    ("no items", _set([S, PRES, "items"], []), "must be a non-empty list", True),
    ("item without text", _set([S, PRES, "items", 0, "text"], _DELETE), "items[0].text: is required",
     True),
    ("item text not text", _set([S, PRES, "items", 0, "text"], 7), "must be non-empty text", True),
    ("item id with spaces", _set([S, PRES, "items", 0, "id"], "Item One"), "must be an id", True),
    ("unknown item key", _set([S, PRES, "items", 0, "weight"], 2), "items[0].weight: unknown key",
     True),
    ("item in unknown age band", _set([S, PRES, "items", 0, "age_bands"], ["teen"]),
     "age_bands[0]: unknown age band 'teen'", False),
    ("empty age band list", _set([S, PRES, "items", 0, "age_bands"], []), "non-empty list", True),
    ("age band ends before it starts", _set(["age_bands", 1, "to_months"], 6),
     "$.age_bands[1].to_months: must not be before from_months", False),
    ("duplicate age band", _set(["age_bands", 2, "id"], "baby"), "duplicate age band id", False),
    ("negative age", _set(["age_bands", 0, "from_months"], -1), "at least 0", True),
    ("unknown area", _set(["areas", "love"], {"suggestion": {"kind": "max"}}),
     "$.areas['love']: unknown area id", True),
    ("unknown suggestion rule", _set(["areas", "safety", "suggestion", "kind"], "mean"),
     "unknown rule 'mean'", True),
    ("suggestion without kind", _set(["areas", "safety", "suggestion"], {}), "kind: is required",
     True),
    ("version zero", _set(["version"], 0), "$.version: must be a whole number", True),
    ("version as text", _set(["version"], "1"), "$.version: must be a whole number", True),
    ("version as true", _set(["version"], True), "$.version: must be a whole number", True),
    ("no licence note", _set(["licence"], _DELETE), "$.licence: is required", True),
    ("blank organisation", _set(["organisation"], ""), "$.organisation: must be non-empty", True),
    ("bad pack id", _set(["id"], "../etc"), "$.id: must be an id", True),
    ("unknown top-level key", _set(["colour"], "blue"), "$.colour: unknown key", True),
    ("sub-areas not an object", _set([S], []), "$.sub_areas: must be an object", True),
    ("overlong text", _set([S, PRES, "items", 0, "text"], "x" * 4001), "longer than 4000", True),
]


@pytest.mark.parametrize(("change", "reason", "schema_catches"), [e[1:] for e in STRUCTURE_ERRORS],
                         ids=[e[0] for e in STRUCTURE_ERRORS])
def test_structure_errors_are_refused_with_their_path(
        change: Callable[[dict[str, Any]], None], reason: str, schema_catches: bool) -> None:
    doc = _document()
    change(doc)
    with pytest.raises(ContentPackError) as caught:
        _load(_sign_raw(doc, _private_key()))
    assert reason in caught.value.reason
    # The published schema agrees wherever JSON Schema can express the rule.
    unsigned = {k: v for k, v in copy.deepcopy(doc).items() if k != "signature"}
    schema_errors = list(jsonschema.Draft202012Validator(_schema()).iter_errors(unsigned))
    assert bool(schema_errors) is schema_catches


def test_schema_is_valid_and_accepts_the_sample_signed_and_unsigned() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    doc = _document()
    validator.validate(doc)
    del doc["signature"]
    validator.validate(doc)


def test_schema_lists_exactly_the_definition_ids() -> None:
    schema = _schema()
    assert schema["properties"]["sub_areas"]["required"] == list(gcp2.SUB_AREA_IDS)
    assert list(schema["properties"]["areas"]["properties"]) == list(gcp2.AREA_IDS)


def test_resources_demo_pack_is_the_sample() -> None:
    shipped = ROOT / "resources" / "packs"
    assert (shipped / "zephyr-sample.pack.json").read_bytes() == SAMPLE.read_bytes()
    assert (shipped / "zephyr-demo-signing-key.pub.pem").read_bytes() == \
        (PACKS / "zephyr-test-signing-key.pub.pem").read_bytes()
    assert not list(shipped.glob("*key.pem")), "never ship a private key"
