"""The staff inbox: sign in, the list of received summaries against the one-working-day decision
target, one summary, and recording a triage outcome (which the device then fetches, signed).

Server-rendered HTML from `templates/` with `string.Template`; every value is escaped here, and
narrative from a summary arrives as plain text (see `summary.narrative_lines`). Links are relative
so the inbox works behind a reverse proxy under a path prefix. Pages carry personal data: they
are never cached and may not be framed.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from gateway.errors import GatewayError, UnknownRecord
from gateway.limits import RateLimiter
from gateway.protocol import Gateway
from gateway.staff import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    SESSION_SECONDS,
    StaffSession,
    csrf_ok,
    csrf_token,
    new_session_cookie,
    read_session_cookie,
    verify_password_or_dummy,
)
from gateway.triage import (
    DECISION_LABELS,
    FRONT_DOOR_TZ,
    list_inbox,
    open_summary,
    record_outcome,
    staff_password_hash,
)

_TEMPLATES = Path(__file__).with_name("templates")
MAX_FORM_BYTES = 16 * 1024
_SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def _template(name: str) -> Template:
    return Template((_TEMPLATES / name).read_text(encoding="utf-8"))


def _local(moment: datetime) -> str:
    return moment.astimezone(FRONT_DOOR_TZ).strftime("%a %d %b %Y %H:%M")


def _duration(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = ([f"{days} d"] if days else []) + ([f"{hours} h"] if hours or days else []) + [f"{mins} min"]
    return " ".join(parts)


def _list_items(lines: tuple[str, ...]) -> str:
    return "".join(f"<li>{escape(line)}</li>" for line in lines) or "<li>not stated</li>"


async def _form(request: Request) -> dict[str, str]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return {}
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=20)
    return {key: values[0] for key, values in parsed.items()}


def inbox_routes(gateway: Gateway) -> list[BaseRoute]:
    secret = gateway.keys.session_secret
    organisation = gateway.settings.organisation.name
    login_limiter = RateLimiter(10)  # attempts per user name per minute

    def page(request: Request, title: str, content: str, session: StaffSession | None,
             status: int = 200) -> HTMLResponse:
        account = ""
        if session is not None:
            account = (f'<form method="post" action="{_root(request)}/inbox/logout"><span>{escape(session.username)}</span> '
                       f'<input type="hidden" name="csrf" value="{csrf_token(secret, session.session_id)}">'
                       '<button type="submit" id="sign-out">Sign out</button></form>')
        html = _template("base.html").substitute(
            title=escape(title), organisation=escape(organisation), account=account, content=content)
        return HTMLResponse(html, status, headers=_SECURITY_HEADERS)

    def signed_in(request: Request) -> StaffSession | None:
        return read_session_cookie(secret, request.cookies.get(SESSION_COOKIE))

    def to_login(request: Request) -> RedirectResponse:
        return RedirectResponse(f"{_root(request)}/inbox/login", 303, headers=_SECURITY_HEADERS)

    async def login_form(request: Request, message: str = "", status: int = 200) -> Response:
        nonce = secrets.token_urlsafe(16)
        content = _template("login.html").substitute(
            message=f'<p class="error" id="message">{escape(message)}</p>' if message else "",
            csrf=csrf_token(secret, "login:" + nonce))
        response = page(request, "Sign in", content, None, status)
        response.set_cookie(LOGIN_COOKIE, nonce, max_age=3600, path="/", httponly=True,
                            secure=request.url.scheme == "https", samesite="strict")
        return response

    async def login(request: Request) -> Response:
        form = await _form(request)
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        if not nonce or not csrf_ok(secret, "login:" + nonce, form.get("csrf")):
            return await login_form(request, "The sign-in form expired; please try again.", 400)
        username = form.get("username", "").strip().lower()
        if login_limiter.retry_after(username):
            return await login_form(request, "Too many attempts; wait a minute and try again.", 429)
        stored = await run_in_threadpool(staff_password_hash, gateway.store, username)
        ok = await run_in_threadpool(verify_password_or_dummy, form.get("password", ""), stored)
        if not ok:
            return await login_form(request, "That user name and password do not match.", 401)
        response = RedirectResponse(f"{_root(request)}/inbox", 303, headers=_SECURITY_HEADERS)
        response.set_cookie(SESSION_COOKIE, new_session_cookie(secret, username), max_age=SESSION_SECONDS,
                            path="/", httponly=True, secure=request.url.scheme == "https", samesite="strict")
        response.delete_cookie(LOGIN_COOKIE, path="/")
        return response

    async def logout(request: Request) -> Response:
        session = signed_in(request)
        form = await _form(request)
        if session is None or not csrf_ok(secret, session.session_id, form.get("csrf")):
            return to_login(request)
        response = to_login(request)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    async def inbox(request: Request) -> Response:
        session = signed_in(request)
        if session is None:
            return to_login(request)
        items = await run_in_threadpool(list_inbox, gateway.store)
        now = datetime.now(UTC)
        rows = []
        for item in items:
            if item.decision is not None:
                state = f'<span class="decided">{escape(DECISION_LABELS[item.decision])}</span>'
            elif item.overdue(now):
                state = f'<span class="overdue">Overdue by {_duration(now - item.due_at)}</span>'
            else:
                state = f"Awaiting decision ({_duration(item.due_at - now)} left)"
            if item.status == "accepted-flagged":
                state += ' <span class="flagged">· content flagged</span>'
            rows.append(
                f'<tr data-reference="{escape(item.reference)}"><td><a href="inbox/s/{escape(item.reference)}">'
                f"{escape(item.reference)}</a></td><td>{escape(item.practitioner or 'not stated')}</td>"
                f"<td>{_local(item.received_at)} ({_duration(now - item.received_at)} ago)</td>"
                f"<td>{_local(item.due_at)}</td><td>{state}</td></tr>"
            )
        waiting = sum(1 for i in items if i.decision is None)
        content = _template("list.html").substitute(
            rows="\n".join(rows) or '<tr><td colspan="5">Nothing received yet.</td></tr>',
            waiting=waiting, overdue=sum(1 for i in items if i.overdue(now)))
        return page(request, "Inbox", content, session)

    async def summary(request: Request, message: str = "") -> Response:
        session = signed_in(request)
        if session is None:
            return to_login(request)
        reference = request.path_params["reference"]
        try:
            item, view = await run_in_threadpool(open_summary, gateway.store, reference, session.username)
        except UnknownRecord:
            return page(request, "Not found", "<p>No summary has that reference.</p>", session, 404)
        now = datetime.now(UTC)
        choices = "\n    ".join(
            f'<label><input type="radio" name="decision" value="{code}" id="decision-{code}" required> '
            f"{escape(label)}</label><br>" for code, label in DECISION_LABELS.items())
        grades = "".join(f"<tr><td>{escape(g.area)}</td><td>{escape(g.grade)}</td></tr>" for g in view.grades)
        others = "".join(f"<h3>{escape(title)}</h3><p>{escape(text)}</p>" for title, text in view.other_sections)
        content = _template("summary.html").substitute(
            message=f'<p class="notice" id="message">{escape(message)}</p>' if message else "",
            reference=escape(item.reference), received=_local(item.received_at),
            since=_duration(now - item.received_at), due=_local(item.due_at), sealed=_local(item.sealed_at),
            issues=escape(", ".join(item.issues)) or "none",
            decision=escape(DECISION_LABELS.get(item.decision or "", "none yet")),
            title=escape(view.title), child=escape(view.child_name), birth=escape(view.child_birth_date),
            practitioner=escape(view.practitioner), organisation_name=escape(view.organisation),
            lawful_basis=escape(view.lawful_basis), consent=escape(view.consent),
            grades=grades or '<tr><td colspan="2">not stated</td></tr>',
            harm=_list_items(view.harm_factors), plan=_list_items(view.plan), others=others,
            csrf=csrf_token(secret, session.session_id), choices=choices)
        return page(request, item.reference, content, session)

    async def outcome(request: Request) -> Response:
        session = signed_in(request)
        if session is None:
            return to_login(request)
        form = await _form(request)
        if not csrf_ok(secret, session.session_id, form.get("csrf")):
            return page(request, "Refused", '<p class="error">The form expired; go back and try again.</p>', session, 403)
        reference = request.path_params["reference"]
        try:
            await run_in_threadpool(record_outcome, gateway.store, reference, form.get("decision", ""),
                                    form.get("note", ""), session.username)
        except UnknownRecord:
            return page(request, "Not found", "<p>No summary has that reference.</p>", session, 404)
        except GatewayError as exc:
            return page(request, "Not recorded", f'<p class="error">{escape(exc.message)}</p>', session, 400)
        return RedirectResponse(f"{_root(request)}/inbox/s/{reference}?recorded=1", 303, headers=_SECURITY_HEADERS)

    async def summary_page(request: Request) -> Response:
        recorded = request.query_params.get("recorded") == "1"
        return await summary(request, "Outcome recorded; the device receives it on its next sync." if recorded else "")

    async def login_page(request: Request) -> Response:
        return await login_form(request)

    return [
        Route("/inbox", inbox, methods=["GET"]),
        Route("/inbox/login", login_page, methods=["GET"]),
        Route("/inbox/login", login, methods=["POST"]),
        Route("/inbox/logout", logout, methods=["POST"]),
        Route("/inbox/s/{reference}", summary_page, methods=["GET"]),
        Route("/inbox/s/{reference}/outcome", outcome, methods=["POST"]),
    ]


def _root(request: Request) -> str:
    """The path prefix a reverse proxy mounts the gateway under (uvicorn --root-path), or ""."""
    return str(request.scope.get("root_path", "")).rstrip("/")
