"""Front-door staff sign-in: scrypt password hashes, signed session cookies and CSRF tokens.

Sessions are stateless: the cookie carries the user name, an expiry and a random session id,
signed with HMAC-SHA256 under the gateway's session key (`keys/session.key`); rotating that key
signs everyone out. CSRF tokens are an HMAC of the session id, so a form posted from another
site (which cannot read the page) is refused. Cookies are HttpOnly, SameSite=Strict and Secure
when the gateway is reached over HTTPS.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from gateway.errors import UsageError

SESSION_COOKIE = "fc_session"
LOGIN_COOKIE = "fc_login"
SESSION_SECONDS = 8 * 3600  # one working shift
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
_USERNAME = re.compile(r"[a-z0-9._-]{1,64}")
MIN_PASSWORD_CHARS = 12


def check_username(username: str) -> str:
    if not _USERNAME.fullmatch(username):
        raise UsageError("a staff user name is 1–64 of a-z 0-9 . _ -")
    return username


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise UsageError(f"a staff password needs at least {MIN_PASSWORD_CHARS} characters")
    salt = secrets.token_bytes(16)
    digest = Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(password.encode("utf-8"))
    encode = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        kdf = Scrypt(salt=base64.b64decode(salt), length=32, n=int(n), r=int(r), p=int(p))
        kdf.verify(password.encode("utf-8"), base64.b64decode(digest))
    except (ValueError, InvalidKey):
        return False
    return True


# A fixed hash to verify against when the user does not exist, so timing does not tell.
_DUMMY_HASH = hash_password("not-a-real-password-at-all")


def verify_password_or_dummy(password: str, stored: str | None) -> bool:
    if stored is None:
        verify_password(password, _DUMMY_HASH)
        return False
    return verify_password(password, stored)


@dataclass(frozen=True)
class StaffSession:
    username: str
    session_id: str
    expires_at: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, purpose: str, data: str) -> str:
    return _b64(hmac.new(secret, f"{purpose}|{data}".encode(), hashlib.sha256).digest())


def new_session_cookie(secret: bytes, username: str, now: float | None = None) -> str:
    expires = int(now if now is not None else time.time()) + SESSION_SECONDS
    payload = _b64(json.dumps({"u": username, "exp": expires, "sid": secrets.token_urlsafe(16)}).encode())
    return f"{payload}.{_mac(secret, 'session', payload)}"


def read_session_cookie(secret: bytes, cookie: str | None, now: float | None = None) -> StaffSession | None:
    if not cookie or cookie.count(".") != 1:
        return None
    payload, mac = cookie.split(".")
    if not hmac.compare_digest(mac, _mac(secret, "session", payload)):
        return None
    try:
        data = json.loads(_unb64(payload))
        session = StaffSession(str(data["u"]), str(data["sid"]), int(data["exp"]))
    except (ValueError, KeyError, TypeError):
        return None
    if session.expires_at <= (now if now is not None else time.time()):
        return None
    return session


def csrf_token(secret: bytes, binding: str) -> str:
    """The form token for a session id (or a login nonce before signing in)."""
    return _mac(secret, "csrf", binding)


def csrf_ok(secret: bytes, binding: str, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(str(token), csrf_token(secret, binding))
