"""Plans in and out of the library: plan files and passphrase-encrypted exports.

A plain export is exactly a plan file (the JSON that ``build`` and
``validate`` read). An encrypted export carries the same bytes sealed with a
passphrase, so that a lost USB stick does not expose a client. Its layout,
version 1:

    offset  size  what
    0       8     magic  b"RWBK-ENC"
    8       1     format version, 1
    9       16    salt for scrypt (random)
    25      12    AES-GCM nonce (random)
    37      ...   AES-256-GCM ciphertext of the plan file's UTF-8 bytes,
                  followed by its 16-byte tag

The key is scrypt(passphrase as UTF-8 after NFC normalisation, salt,
n=2**15, r=8, p=1, 32 bytes): about 32 MiB and a tenth of a second per try,
which is nothing once per export and slows guessing a passphrase by as much.
The header (bytes 0-36) is authenticated as associated data, so any change
to any byte is detected. The parameters are fixed by the version byte: a
file cannot ask a reader to spend unbounded memory.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ..plan import Plan, PlanFileError, plan_from_json, plan_to_json
from ..plan.io import read_plan_bytes
from ..text.i18n import _
from .errors import LibraryError

MAGIC = b"RWBK-ENC"
FORMAT_VERSION = 1
SALT_SIZE = 16
NONCE_SIZE = 12
TAG_SIZE = 16
HEADER_SIZE = len(MAGIC) + 1 + SALT_SIZE + NONCE_SIZE
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8

PassphraseSource = Callable[[], str]
"""Asked for the passphrase only when a file turns out to be encrypted."""


# `cryptography` is imported where a file is sealed or opened, not with the
# module: every command line run and the desktop's start-up would otherwise
# load it (about 9 MB) for the rare encrypted export.


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(secret)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect a client's plan (spaces do not count)."""
    if len("".join(passphrase.split())) < MIN_PASSPHRASE:
        raise LibraryError(
            _(
                "the passphrase is too short: use at least {MIN_PASSPHRASE} characters (a few "
                "words are easiest to remember)"
            ).format(MIN_PASSPHRASE=MIN_PASSPHRASE)
        )


def encrypt(data: bytes, passphrase: str) -> bytes:
    """Seal `data` with the passphrase in the format above."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt = os.urandom(SALT_SIZE)
    nonce = os.urandom(NONCE_SIZE)
    header = MAGIC + bytes([FORMAT_VERSION]) + salt + nonce
    return header + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, header)


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def decrypt(data: bytes, passphrase: str, source: str = "file") -> bytes:
    """Open a sealed export; any failure is one `LibraryError` line naming `source`."""
    if not is_encrypted(data):
        raise LibraryError(_(
            "{source}: is not an encrypted Recovery Workbook export"
        ).format(source=source))
    if len(data) <= len(MAGIC):
        raise LibraryError(_(
            "{source}: the encrypted export is cut short (copy it again)"
        ).format(source=source))
    version = data[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise LibraryError(
            _(
                "{source}: an encrypted export of version {version}, which this Recovery Workbook "
                "cannot read (it reads version {FORMAT_VERSION}); please update the program"
            ).format(source=source, version=version, FORMAT_VERSION=FORMAT_VERSION)
        )
    if len(data) < HEADER_SIZE + TAG_SIZE:
        raise LibraryError(_(
            "{source}: the encrypted export is cut short (copy it again)"
        ).format(source=source))
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = data[:HEADER_SIZE]
    salt = header[len(MAGIC) + 1 : len(MAGIC) + 1 + SALT_SIZE]
    nonce = header[-NONCE_SIZE:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, data[HEADER_SIZE:], header)
    except InvalidTag:
        raise LibraryError(
            _(
                "{source}: wrong passphrase, or the file was changed or damaged"
            ).format(source=source)
        ) from None


def _foreign_kind(data: bytes) -> str | None:
    """Name a well-known kind of file that is not a plan, for a clearer message."""
    if data.startswith(b"SQLite format 3\x00"):
        return "a library file, not a plan file (open it with --library)"
    if data.startswith(b"%PDF"):
        return "a PDF, not a plan file"
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive, not a plan file"
    return None


def plan_from_bytes(
    data: bytes, source: str, passphrase: PassphraseSource | None = None
) -> Plan:
    """Read a plan file or an encrypted export already in memory."""
    if not data.strip():
        raise LibraryError(_("{source}: the file is empty").format(source=source))
    if is_encrypted(data):
        if passphrase is None:
            raise LibraryError(_(
                "{source}: the file is encrypted; a passphrase is needed"
            ).format(source=source))
        data = decrypt(data, passphrase(), source)
    else:
        foreign = _foreign_kind(data)
        if foreign:
            raise LibraryError(_("{source}: is {foreign}").format(source=source, foreign=foreign))
    try:
        return plan_from_json(data, source)
    except PlanFileError as error:
        raise LibraryError(str(error)) from None


def read_plan_file(path: Path, passphrase: PassphraseSource | None = None) -> Plan:
    """Read, decrypt if needed, validate and upgrade a plan file for import."""
    try:
        data = read_plan_bytes(path)
    except PlanFileError as error:
        raise LibraryError(str(error)) from None
    return plan_from_bytes(data, str(path), passphrase)


def export_bytes(plan: Plan, passphrase: str | None = None) -> bytes:
    """The plan as a plan file, sealed with the passphrase if one is given."""
    data = plan_to_json(plan).encode("utf-8")
    return data if passphrase is None else encrypt(data, passphrase)
