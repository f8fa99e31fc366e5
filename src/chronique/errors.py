"""Errors a user can catch at the right level.

    ChroniqueError
    ├── InputError            one input could not be read (the batch goes on)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── DecodeError
    │   ├── ParseError        malformed HTML / JSON / feed / CSV
    │   ├── TooLarge          over the size limit (read refused, not attempted)
    │   └── Unreadable        no permission, vanished, or an I/O failure
    ├── StoreError            the database refused or is not ours
    ├── LangDataError         a language data file failed validation
    └── GoldFormatError       a gold annotation file does not follow the spec
"""

from __future__ import annotations


class ChroniqueError(Exception):
    """Base of every error chronique raises on purpose."""


class InputError(ChroniqueError):
    """One input could not be read; carries the path so the message names the file."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class ParseError(InputError):
    pass


class TooLarge(InputError):
    pass


class Unreadable(InputError):
    pass


class StoreError(ChroniqueError):
    pass


class LangDataError(ChroniqueError):
    pass


class GoldFormatError(ChroniqueError):
    pass
