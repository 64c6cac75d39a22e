"""Bytes -> text: byte order marks, UTF-8, legacy code pages via charset-normalizer; binary refused."""
from __future__ import annotations

import codecs
import re
from typing import Optional

from charset_normalizer import from_bytes

from fact_review.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MOSTLY = 0.5  # legacy East Asian text makes UTF-8 sequences of a third of its high bytes at most
# ESC $ or ESC ( switches an ISO-2022 text to another character set ("ESC $ B" JIS X 0208, "ESC ( B" ASCII).
_ISO_2022_ESCAPE = re.compile(rb"\x1b[$(][@A-DGHJ]|\x1b\$[()][A-DGH]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Control characters that text does not contain (tab, line breaks, vertical tab and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _cp1252_for_stray_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 in mostly-UTF-8 text is read as Windows-1252."""
    assert isinstance(error, UnicodeDecodeError)
    stray = error.object[error.start : error.end]
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in stray), error.end


codecs.register_error("fact_review.cp1252", _cp1252_for_stray_bytes)


def decode(data: bytes, name: str, declared: Optional[str] = None) -> str:
    """``data`` as text. ``declared`` is an encoding the document names itself (an HTML ``<meta charset>``),
    used when the bytes are not UTF-8. Raises InputError for binary data."""
    text = _decode(data, name, declared)
    _refuse_binary(text, name)
    return text


def _decode(data: bytes, name: str, declared: Optional[str]) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {encoding.upper()} byte order mark but is not "
                                 f"valid {encoding.upper()} (byte {error.start})") from None
    if b"\x00" in data[:4096]:
        return _utf16_or_32_without_bom(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _iso_2022(data, name) if _ISO_2022_ESCAPE.search(data) else text
    if _mostly_utf8(data):  # with a few stray legacy bytes
        return data.decode("utf-8", errors="fact_review.cp1252")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _detected(data, name)


def _mostly_utf8(data: bytes) -> bool:
    """Whether most of the bytes above ASCII form UTF-8 sequences. Legacy East Asian encodings
    (Shift-JIS, EUC, GBK, Big5) make a few such sequences by chance, and were read as UTF-8 with Windows
    code page bytes: mojibake."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_sequences = sum(found.end() - found.start() for found in _UTF8_MULTIBYTE.finditer(data))
    return in_sequences >= _MOSTLY * high


def _iso_2022(data: bytes, name: str) -> str:
    """7-bit text that switches character sets with escape sequences (ISO-2022-JP, -KR, -CN: Japanese mail
    and news), decoded by the variant that reads it; refused when none does."""
    best = from_bytes(data).best()
    if best is not None and best.encoding.startswith("iso2022"):
        try:
            return data.decode(best.encoding)
        except UnicodeDecodeError:
            pass
    raise InputError(f"{name}: holds ISO-2022 escape sequences (ESC $) but is not valid ISO-2022-JP, -KR or "
                     "-CN text; save it as UTF-8")


def _utf16_or_32_without_bom(data: bytes, name: str) -> str:
    """Text with NUL bytes is UTF-16 or UTF-32 without a byte order mark, or binary data."""
    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        try:
            return data.decode(best.encoding)
        except UnicodeDecodeError:
            pass
    raise InputError(f"{name}: binary data, not text (it contains NUL bytes)")


def _detected(data: bytes, name: str) -> str:
    """A legacy encoding found by charset-normalizer. Among the equally plausible readings, Windows code
    pages win (Windows-1252 first): short Western text is otherwise often read as Central European."""
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(f"{name}: binary data, not text (no text encoding fits its bytes)")
    best = matches[0]
    plausible = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    for wanted in ("cp1252", "cp125"):
        for match in plausible:
            for encoding in match.could_be_from_charset:
                if encoding.startswith(wanted):
                    return data.decode(encoding, errors="replace")
    return str(best)


def _refuse_binary(text: str, name: str) -> None:
    allowed = int(len(text) * _MAX_CONTROL_SHARE)
    found = 0
    for _ in _CONTROL.finditer(text):
        found += 1
        if found > allowed:
            raise InputError(f"{name}: binary data, not text (it contains control characters)")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
