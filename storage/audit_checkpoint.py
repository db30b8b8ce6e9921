"""Checkpoints of the audit chain outside the database: what anchors its end.

The chain itself (storage/audit.py) shows any edit of a record, and the head only moves forward
(migration 0011). But whoever controls the database completely (a copy of the SQLite file, the owner role
with its triggers dropped, a restore of an older backup) can cut the end off and make the head agree.
That is caught only by something kept elsewhere: a checkpoint file per day with the head's sequence
number and hash, signed with the audit key (HMAC), written by `doorbraak audit verify --checkpoint`
into a folder outside the database (by default `logboek-ankers/` beside the SQLite file; for PostgreSQL in
the user's data folder; better still a folder only the beheerder can write, or a copy sent off the machine).
Every later check compares the database with all checkpoints kept there: a record that a checkpoint saw
must still be there with the same hash, and the head may not be behind it. `backup` writes one beside the copy.

The HMAC key is on every workstation, so the signed checkpoints below (the beheerder's Ed25519 key, which no
workstation holds) are what still holds against someone with the key, the database and the anchor folder.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from storage.app_name import APP_NAME
from storage.audit import usable_key
from storage.engine import DatabaseError, sqlite_path
from storage.files import check_target, make_private_directory, write_file

FOLDER = "logboek-ankers"


@dataclass(frozen=True)
class Checkpoint:
    database: str
    sequence: int
    hash: str
    at: datetime

    def message(self) -> bytes:
        return f"doorbraak-anker|{self.database}|{self.sequence}|{self.hash}|{self.at.isoformat()}".encode()


def default_folder(engine: Engine) -> Path:
    path = sqlite_path(engine.url.render_as_string(hide_password=True)) if engine.dialect.name == "sqlite" else None
    if path is not None and not str(path).startswith("file:"):
        return path.resolve().parent / FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME)) / FOLDER


def database_id(engine: Engine) -> str:
    """Which database a checkpoint belongs to (its location, never a password)."""
    return url_id(engine.url)


def url_id(url: URL) -> str:
    """`database_id` from the URL alone (for `backup`, which copies the file without an engine)."""
    if url.get_backend_name() == "sqlite" and url.database:
        return f"sqlite:{Path(url.database).resolve()}"
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def _file_prefix(database: str) -> str:
    return f"anker-{hashlib.sha256(database.encode()).hexdigest()[:12]}-"


def _sign(key: bytes, checkpoint: Checkpoint) -> str:
    return hmac.new(key, checkpoint.message(), hashlib.sha256).hexdigest()


def _head(engine: Engine) -> tuple[int, str]:
    with engine.connect() as connection:
        row = connection.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    return int(row[0]), str(row[1])


def check(engine: Engine, key: bytes, folder: Path) -> list[str]:
    """Dutch problems: every checkpoint in `folder` for this database must still hold."""
    key = usable_key(key)
    database = database_id(engine)
    head_sequence, _ = _head(engine)
    problems: list[str] = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.glob(f"{_file_prefix(database)}*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            checkpoint = Checkpoint(database=str(data["database"]), sequence=int(data["seq"]),
                                    hash=str(data["hash"]), at=datetime.fromisoformat(str(data["at"])))
            signature = str(data["mac"])
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(f"Ankerpunt {path.name} is onleesbaar.")
            continue
        if checkpoint.database != database or not hmac.compare_digest(signature, _sign(key, checkpoint)):
            problems.append(f"Ankerpunt {path.name} is niet met deze sleutel ondertekend of is gewijzigd.")
            continue
        with engine.connect() as connection:
            found = connection.execute(text("SELECT hash FROM audit_log WHERE seq = :seq"),
                                       {"seq": checkpoint.sequence}).scalar_one_or_none()
        gone = found is None or found != checkpoint.hash or head_sequence < checkpoint.sequence
        if checkpoint.sequence > 0 and gone:
            problems.append(
                f"Het logboek is ingekort, gewist of teruggezet: record {checkpoint.sequence} uit het ankerpunt van "
                f"{checkpoint.at.date().isoformat()} ({path.name}) ontbreekt of is anders."
            )
    return problems


def write(engine: Engine, key: bytes, folder: Path, *, now: datetime | None = None) -> tuple[Checkpoint, Path]:
    """Write (or replace) today's checkpoint for this database; returns it and its file."""
    sequence, head_hash = _head(engine)
    return write_head(database_id(engine), sequence, head_hash, key, folder, now=now)


def write_head(database: str, sequence: int, head_hash: str, key: bytes, folder: Path, *,
               now: datetime | None = None) -> tuple[Checkpoint, Path]:
    """Today's checkpoint of `database` at this head (also used by `backup` with the head of the copy it made)."""
    key = usable_key(key)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    checkpoint = Checkpoint(database=database, sequence=sequence, hash=head_hash, at=moment)
    make_private_directory(folder)
    target = folder / f"{_file_prefix(checkpoint.database)}{moment.date().isoformat()}.json"
    body = {"database": checkpoint.database, "seq": sequence, "hash": head_hash, "at": moment.isoformat(),
            "mac": _sign(key, checkpoint)}
    write_file(target, (json.dumps(body, indent=2) + "\n").encode("utf-8"), overwrite=True)
    return checkpoint, target


# -- signed checkpoints: the beheerder's Ed25519 key ----------------------------------------------------------
# The HMAC key above is on every workstation, so whoever holds it and the database can rewrite the chain and
# write matching HMAC checkpoints. A signed checkpoint is made with the private half of a key pair that only
# the beheerder holds (a file on their own machine or stick, never the app's, never in the database): nobody
# else can make one. `audit verify --checkpoint --publieke-sleutel` checks them with the public half.
SIGNED_PREFIX = "ondertekend-"
SIGNED_VERSION = 1


@dataclass(frozen=True)
class SignedCheckpoint:
    database: str
    sequence: int
    hash: str
    at: datetime
    public_key: str
    """The signer's raw Ed25519 public key, hex (tells which key signed; trust comes from the key you give)."""

    def message(self) -> bytes:
        return (
            f"doorbraak-ondertekend-anker|{SIGNED_VERSION}|{self.database}|{self.sequence}|{self.hash}|"
            f"{self.at.isoformat()}|{self.public_key}"
        ).encode()


@dataclass(frozen=True)
class SignedCheck:
    problems: list[str]
    verified: int
    """Signed checkpoints whose signature was checked with the given public key and still hold."""
    unchecked: int
    """Signed checkpoints found but not checked (no public key given)."""
    latest: SignedCheckpoint | None
    """The newest verified one (the beheerder compares it with their own copy: a deleted file shows here)."""


def _raw_public(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def fingerprint(public_key: Ed25519PublicKey | str) -> str:
    """`3f2a 91c0 …`: the first 16 bytes of SHA-256 over the raw public key, in groups of four hex digits."""
    raw = bytes.fromhex(public_key) if isinstance(public_key, str) else bytes.fromhex(_raw_public(public_key))
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def create_signing_keys(private_path: Path, public_path: Path, passphrase: bytes | None) -> str:
    """A new Ed25519 key pair for the beheerder: the private key as PKCS#8 PEM (encrypted with `passphrase`
    when given), mode 600, never overwriting; the public key as PEM. Returns the fingerprint."""
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    for path in (private_path, public_path):
        if not path.parent.exists():
            make_private_directory(path.parent)
        check_target(path, overwrite=False)
    write_file(private_path, private_pem)
    write_file(public_path, public_pem)
    return fingerprint(key.public_key())


def private_key_is_encrypted(path: Path) -> bool:
    try:
        return b"ENCRYPTED" in Path(path).read_bytes()[:64]
    except OSError:
        return False


def load_private_key(path: Path, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise DatabaseError(f"De ondertekensleutel ({path}) is niet te lezen.") from None
    try:
        key = serialization.load_pem_private_key(data, password=passphrase or None)
    except (ValueError, TypeError):
        raise DatabaseError(f"De ondertekensleutel ({path}) is onleesbaar, of het wachtwoord is onjuist.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DatabaseError(f"{path} is geen Ed25519-ondertekensleutel van doorbraak.")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise DatabaseError(f"De publieke sleutel ({path}) is niet te lezen.") from None
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise DatabaseError(f"De publieke sleutel ({path}) is onleesbaar.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise DatabaseError(f"{path} is geen publieke Ed25519-sleutel van doorbraak.")
    return key


def sign(
    engine: Engine, private_key: Ed25519PrivateKey, folder: Path, *, now: datetime | None = None
) -> tuple[SignedCheckpoint, Path, str]:
    """Sign the head as it is now; returns the checkpoint, its file and the file's text (to keep elsewhere).

    The caller checks the chain first: a signature says "the beheerder saw this head and found the chain intact".
    """
    sequence, head_hash = _head(engine)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    checkpoint = SignedCheckpoint(
        database=database_id(engine),
        sequence=sequence,
        hash=head_hash,
        at=moment,
        public_key=_raw_public(private_key.public_key()),
    )
    body = {
        "soort": "doorbraak-ondertekend-anker",
        "versie": SIGNED_VERSION,
        "database": checkpoint.database,
        "seq": sequence,
        "hash": head_hash,
        "at": moment.isoformat(),
        "publieke_sleutel": checkpoint.public_key,
        "handtekening": private_key.sign(checkpoint.message()).hex(),
    }
    make_private_directory(folder)
    stamp = moment.strftime("%Y-%m-%dT%H%M%S")
    target = folder / f"{SIGNED_PREFIX}{_file_prefix(checkpoint.database)}{stamp}.json"
    text_body = json.dumps(body, indent=2) + "\n"
    write_file(target, text_body.encode("utf-8"), overwrite=True)
    return checkpoint, target, text_body


def _read_signed(path: Path) -> tuple[SignedCheckpoint, bytes]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("soort") != "doorbraak-ondertekend-anker" or data.get("versie") != SIGNED_VERSION:
        raise ValueError("not a signed checkpoint")
    checkpoint = SignedCheckpoint(
        database=str(data["database"]),
        sequence=int(data["seq"]),
        hash=str(data["hash"]),
        at=datetime.fromisoformat(str(data["at"])),
        public_key=str(data["publieke_sleutel"]),
    )
    return checkpoint, bytes.fromhex(str(data["handtekening"]))


def check_signed(engine: Engine, public_key: Ed25519PublicKey | None, folder: Path) -> SignedCheck:
    """Every signed checkpoint of this database in `folder`: signed by `public_key`, and its record still there
    with the same hash and the head not behind it. Without a public key they are only counted."""
    database = database_id(engine)
    paths = sorted(folder.glob(f"{SIGNED_PREFIX}{_file_prefix(database)}*.json")) if folder.is_dir() else []
    if public_key is None:
        return SignedCheck(problems=[], verified=0, unchecked=len(paths), latest=None)
    expected = _raw_public(public_key)
    head_sequence, _ = _head(engine)
    problems: list[str] = []
    latest: SignedCheckpoint | None = None
    verified = 0
    for path in paths:
        try:
            checkpoint, signature = _read_signed(path)
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(f"Ondertekend ankerpunt {path.name} is onleesbaar.")
            continue
        if checkpoint.database != database or checkpoint.public_key != expected:
            problems.append(
                f"Ondertekend ankerpunt {path.name} is niet met de opgegeven sleutel ondertekend "
                f"(sleutel {fingerprint(checkpoint.public_key)})."
            )
            continue
        try:
            public_key.verify(signature, checkpoint.message())
        except InvalidSignature:
            problems.append(f"De handtekening van ankerpunt {path.name} klopt niet: het bestand is gewijzigd.")
            continue
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT hash FROM audit_log WHERE seq = :seq"), {"seq": checkpoint.sequence}
            ).scalar_one_or_none()
        gone = found is None or found != checkpoint.hash or head_sequence < checkpoint.sequence
        if checkpoint.sequence > 0 and gone:
            problems.append(
                f"Het logboek is ingekort, gewist, herschreven of teruggezet: record {checkpoint.sequence} uit het "
                f"ondertekende ankerpunt van {checkpoint.at.date().isoformat()} ({path.name}) ontbreekt of is anders."
            )
            continue
        verified += 1
        if latest is None or (checkpoint.sequence, checkpoint.at) > (latest.sequence, latest.at):
            latest = checkpoint
    return SignedCheck(problems=problems, verified=verified, unchecked=0, latest=latest)
