"""Who may reach the app and who may change what it holds.

On loopback (a laptop) the app is the user's own. Served to others (`serve --host` beyond loopback) it must
either be read-only (no page that writes) or know its editors: accounts in a file, each password kept only as
a salted scrypt hash, sessions that expire, and every write recorded with who made it. Only the host names
the app is served on are accepted (Streamlit's server.allowedHosts), against DNS rebinding.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from . import yamlsafe

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}  # about 50 ms a check: slow for guessing, quick for signing in
SESSION_MINUTES = 8 * 60  # an editor signs in again after a working day


class AccessError(ValueError):
    """Serving or signing in refused; the message says why and what to do."""


@dataclass(frozen=True)
class Editors:
    accounts: dict[str, str]  # name -> "scrypt$n$r$p$salt$hash"
    session_minutes: int = SESSION_MINUTES


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, names: list[str]) -> list[str]:
    """The Host headers the app accepts: the loopback names on loopback, else the address and the names given."""
    if is_loopback(host):
        return [*dict.fromkeys([*LOOPBACK_NAMES, host, *names])]
    try:
        unspecified = ipaddress.ip_address(host).is_unspecified
    except ValueError:
        unspecified = False
    if unspecified and not names:
        raise AccessError(f"--host {host} listens on every address: say which names colleagues type to reach it "
                          "(--name newsroom.example), and only those are accepted")
    return [*([] if unspecified else [host]), *names]


def check_serving(host: str, read_only: bool, editors: Path | None) -> None:
    """Refuse to serve beyond loopback with pages that write to anyone who reaches them."""
    if editors is not None:
        load_editors(editors)  # a missing or broken file is said now, not on the first sign-in
    if not is_loopback(host) and not read_only and editors is None:
        raise AccessError(f"--host {host} serves the app to others: add --read-only (no page writes), or "
                          "--editors FILE with editor accounts (python -m conflictmap editors add NAME --file FILE)")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return "$".join(["scrypt", str(SCRYPT["n"]), str(SCRYPT["r"]), str(SCRYPT["p"]), _b64(salt), _b64(digest)])


def verify(editors: Editors, name: str, password: str) -> bool:
    """Is `password` the editor `name`'s? The same work is done for an unknown name (no timing hint)."""
    stored = editors.accounts.get(name, "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + _b64(bytes(64)))
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except ValueError:
        return False
    return kind == "scrypt" and name in editors.accounts and hmac.compare_digest(got, expected)


def load_editors(path: Path) -> Editors:
    """The accounts file: `editors: {name: hash}` and optionally `session_minutes`."""
    try:
        data = yamlsafe.load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AccessError(f"{path}: cannot read the editor accounts: {exc}") from None
    accounts = data.get("editors") if isinstance(data, dict) else None
    if not isinstance(accounts, dict) or not accounts or not all(
            isinstance(k, str) and isinstance(v, str) and v.startswith("scrypt$") for k, v in accounts.items()):
        raise AccessError(f"{path}: expected `editors:` with at least one `name: scrypt$...` account "
                          "(python -m conflictmap editors add NAME --file FILE)")
    minutes = data.get("session_minutes", SESSION_MINUTES)
    if not isinstance(minutes, int) or minutes <= 0:
        raise AccessError(f"{path}: session_minutes must be a whole number of minutes")
    return Editors(accounts, minutes)


def add_editor(path: Path, name: str, password: str) -> None:
    """Add or replace an account; the file is readable by its owner only."""
    if not name.strip() or not name.isprintable() or len(password) < 10:
        raise AccessError("an editor needs a name and a password of at least 10 characters")
    data = yamlsafe.load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data if isinstance(data, dict) else {}
    data.setdefault("editors", {})[name.strip()] = hash_password(password)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
    os.chmod(path, 0o600)


def record(log: Path | None, who: str, action: str, **detail) -> None:
    """Append one write to the change log (JSON lines): when, who, what."""
    if log is None:
        return
    line = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "who": who, "action": action, **detail}
    with log.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()
