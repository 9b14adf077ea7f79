"""Encodings, binary data and markup: what the readers tell from the bytes alone."""

from __future__ import annotations

import codecs
import gzip
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from newsgraph.errors import BinaryInput, EmptyInput
from newsgraph.ingest import RawDocument, from_string, read_inputs
from newsgraph.ingest.decode import decode
from newsgraph.ingest.sniff import binary_kind, is_feed, is_html
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
#: Windows-1252 is where curly quotes, dashes and the euro sign live at 0x80-0x9F.
CP1252_TEXT = ("The mayor’s office said the €12 million plan — approved in March — would be "
               "“reviewed line by line” before the café owners’ deadline.\n")
FRENCH = (FIXTURES / "lyon-budget-fr.txt").read_text(encoding="utf-8")


def _read_one(path: Path) -> RawDocument | Exception:
    (outcome,) = read_inputs([str(path)], Settings())
    return outcome


# --- encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        (CP1252_TEXT.encode("cp1252"), None, CP1252_TEXT),  # told by charset-normalizer
        (FRENCH.encode("latin-1"), None, FRENCH),
        (FRENCH.encode("utf-16"), None, FRENCH),  # with a byte-order mark
        (FRENCH.encode("utf-16-le"), None, FRENCH),  # without one
        (FRENCH.encode("utf-16-be"), None, FRENCH),
        (FRENCH.encode("utf-32"), None, FRENCH),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), None, FRENCH),  # the mark is dropped
        (CP1252_TEXT.encode("cp1252"), "windows-1252", CP1252_TEXT),  # an HTTP charset
        # ISO-8859-1 declared, Windows-1252 meant: the web's most common mislabel
        (CP1252_TEXT.encode("cp1252"), "ISO-8859-1", CP1252_TEXT),
        # a server that says ISO-8859-1 for a page that is really UTF-8
        (CP1252_TEXT.encode("utf-8"), "iso-8859-1", CP1252_TEXT),
        ("Москва заявила о переговорах.".encode("cp1251"), "windows-1251",
         "Москва заявила о переговорах."),
        (b"plain ASCII stays as it is", "no-such-charset", "plain ASCII stays as it is"),
    ],
)
def test_decode(data: bytes, declared: str | None, expected: str) -> None:
    assert decode(data, declared) == expected


#: Undeclared legacy encodings, one sentence each: too short for charset-normalizer to know
#: the language in some of them, which is where the Windows-1252 fallback must not win.
@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("The mayor’s “plan” — €12 million.", "cp1252"),
        ("Le président a déclaré mardi que la réforme serait adoptée.", "latin-1"),
        ("Der Bürgermeister sagte, die Straßenbahn werde im Frühjahr wieder fahren.", "latin-1"),
        ("Prezydent powiedział, że rząd zwiększy wydatki na obronę w przyszłym roku.", "cp1250"),
        ("Москва заявила о переговорах.", "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα.", "cp1253"),
        ("政府は金曜日に新しい対策を発表した。", "shift_jis"),
    ],
)
def test_decode_undeclared_short_texts(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_utf8_with_one_stray_windows_1252_byte_stays_utf8() -> None:
    # a CMS pasted one Windows-1252 apostrophe (0x92) into a UTF-8 page
    page = ("<p>Le président a déclaré « non » — café, crème.</p>".encode()
            + b"<p>The mayor\x92s plan.</p>")
    text = decode(page)
    assert "Le président a déclaré « non » — café, crème." in text
    assert "The mayor\ufffds plan." in text


def test_page_declared_utf8_but_written_in_windows_1252() -> None:
    page = b'<meta charset="utf-8"><p>' + CP1252_TEXT.encode("cp1252") + b"</p>"
    assert CP1252_TEXT in decode(page, "utf-8")


def test_decode_believes_meta_charset_of_a_page() -> None:
    # Latin-2 and Windows-1252 share these bytes but not these letters: only the declaration
    # can tell them apart.
    body = "<p>Prezydent powiedział, że rząd zwiększy wydatki na obronę.</p>"
    page = b'<html><head><meta charset="iso-8859-2"></head><body>' + body.encode("iso-8859-2")
    assert body in decode(page)


def test_decode_believes_http_equiv_content_type() -> None:
    body = "<p>Москва заявила о переговорах в пятницу.</p>"
    page = (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
            b"</head><body>" + body.encode("koi8-r"))
    assert body in decode(page)


def test_cp1252_file_is_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "mayor.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    doc = _read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == CP1252_TEXT


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le"])
def test_latin1_and_utf16_files_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "lyon.txt"
    path.write_bytes(FRENCH.encode(encoding))
    doc = _read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == FRENCH
    assert doc.markup == "text"


def test_html_file_with_meta_charset_windows_1252(tmp_path: Path) -> None:
    page = ("<html><head><meta charset=windows-1252><title>Plan</title></head><body><p>"
            + CP1252_TEXT + "</p></body></html>")
    path = tmp_path / "plan.html"
    path.write_bytes(page.encode("cp1252"))
    doc = _read_one(path)
    assert isinstance(doc, RawDocument)
    assert CP1252_TEXT in doc.content
    assert doc.markup == "html"


# --- binary data ---------------------------------------------------------------------------

def _zip() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("article.txt", "An article, zipped.")
    return out.getvalue()


BINARIES = [
    ("PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "a PNG image"),
    ("JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "a JPEG image"),
    ("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    ("zip", _zip(), "a ZIP archive"),
    ("ELF", b"\x7fELF\x02\x01\x01" + bytes(200), "an executable (ELF)"),
    ("exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200), "an executable (Windows)"),
    ("sqlite", b"SQLite format 3\x00" + bytes(100), "an SQLite database"),
    ("tar", bytes(257) + b"ustar\x0000" + bytes(100), "a tar archive"),
    # no signature at all: told by its control bytes
    ("random", bytes(range(256)) * 8, "binary data"),
]


@pytest.mark.parametrize(("name", "data", "kind"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_kind(name: str, data: bytes, kind: str) -> None:
    found = binary_kind(data)
    assert found is not None
    assert found.startswith(kind)


@pytest.mark.parametrize(
    "data",
    [
        CP1252_TEXT.encode("cp1252"),
        FRENCH.encode("utf-16-le"),  # zero bytes, but text
        FRENCH.encode("utf-32"),
        b"BMW and MZ Motors shares rose; GIF-maker stock fell.",  # text like magic
        b"Line one\r\n\tLine two\x0c\x1b[0m",  # tabs, CRLF, form feed, an escape
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert binary_kind(data) is None


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(BINARIES[1][1])
    error = _read_one(path)
    assert isinstance(error, BinaryInput)
    assert str(error) == f"{path}: a JPEG image, not text or HTML"


def test_gzipped_zip_is_refused_after_decompression(tmp_path: Path) -> None:
    path = tmp_path / "bundle.gz"
    path.write_bytes(gzip.compress(_zip()))
    assert isinstance(_read_one(path), BinaryInput)


@pytest.mark.parametrize(
    "data", [b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n", "\n \n".encode("utf-16")]
)
def test_whitespace_only_is_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    error = _read_one(path)
    assert isinstance(error, EmptyInput)
    assert "only whitespace" in str(error)


# --- markup --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", True),
        ("  \n<html lang='en'><head><title>x</title></head></html>", True),
        ("<!-- saved page --><body><p>x</p></body>", True),
        ("<p>First paragraph.</p>\n<p>Second.</p>\n<p>Third.</p>", True),  # a fragment
        ("<div class='story'><h2>Title</h2><p>Body</p></div>", True),
        ("Officials said the <p> tag was not the problem.", False),
        ("Turnout was <50% in the north and >70% in the south.", False),
        ("<<Breaking>> Parliament dissolved.", False),
        ("Plain text article.\n\nSecond paragraph.", False),
    ],
)
def test_from_string_tells_html_from_text(text: str, html: bool) -> None:
    doc = from_string(text, source="s")
    assert doc.markup == ("html" if html else "text")
    assert doc.source == "s"
    assert doc.content == text


@pytest.mark.parametrize(
    ("head", "feed"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', True),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generator -->\n<feed xmlns="x">', True),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rdf:RDF xmlns:rdf="x">', True),
        ('<?xml version="1.0"?><rss>'.encode("utf-16"), True),
        (b"<!DOCTYPE html><html><body>rss</body></html>", False),
        (b'<?xml version="1.0"?><sitemap>', False),
        (b"The <rss> feed was down.", False),
    ],
)
def test_is_feed(head: bytes, feed: bool) -> None:
    assert is_feed(head) is feed


def test_txt_file_holding_a_whole_page_is_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<!doctype html><html><body><p>Saved as text.</p></body></html>")
    doc = _read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.markup == "html"


def test_txt_file_with_a_few_tags_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Use <p>, <div> and <span> tags, the course said.\n")
    doc = _read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.markup == "text"


def test_is_html_looks_only_at_the_head() -> None:
    assert not is_html("word " * 5000 + "<p>a</p><p>b</p><p>c</p>")
