"""The command line: thin commands over library functions.

Library errors become one line on stderr and exit code 2 (some input failed) or 1 (newsgraph
itself failed); a traceback is shown only with --debug.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph import __version__
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.record import Article
from newsgraph.settings import Settings, describe, parse_size

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
PROG = "newsgraph"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.ERROR,
                        format=f"{PROG}: %(message)s")
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return int(args.run(args))
    except NewsgraphError as e:
        _fail(str(e), args.debug)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newsgraph extract ... | head`: the reader left, not an error
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:  # the one place a bug becomes a clean message
        _fail(f"internal error: {type(e).__name__}: {e} (run with --debug for details)",
              args.debug)
        return EXIT_INTERNAL


def _fail(message: str, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    print(f"{PROG}: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn news articles into structured, checkable facts.",
        epilog="Run 'newsgraph COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ex = commands.add_parser(
        "extract",
        help="extract article records from files, folders, URLs, JSON Lines, WARC, feeds, stdin",
        description="Extract one article record per article in the inputs, in input order.",
    )
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="a path (.txt, .html, .html.gz, .jsonl, .warc[.gz], .rss/.atom/.xml, "
                         "a folder), an http(s) URL, or - for stdin")
    ex.add_argument("--published", metavar="DATE",
                    help="publication date (YYYY-MM-DD) to resolve relative dates against; "
                         "a JSON Lines line's own date wins, a page's own date loses")
    ex.add_argument("--format", choices=("json", "jsonl", "md"), default="json",
                    help="json: one object, or an array for several articles (default); "
                         "jsonl: one record per line; md: a readable brief")
    ex.add_argument("-o", "--output", metavar="FILE", type=Path,
                    help="write here instead of stdout (atomically: complete or not at all; "
                         "jsonl is written as it goes, see --resume)")
    ex.add_argument("--resume", action="store_true",
                    help="with -o FILE and --format jsonl: skip inputs already in FILE")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal)")
    _add_settings(ex)
    ex.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                    help="show tracebacks and debug logs")
    ex.set_defaults(run=run_extract, command="extract")

    sc = commands.add_parser("schema", help="print the JSON Schema of the article record")
    sc.set_defaults(run=run_schema, command="schema")
    return parser


def _add_settings(parser: argparse.ArgumentParser) -> None:
    """One option per setting, from the settings table (names, types and help stay in step)."""
    group = parser.add_argument_group("settings (also NEWSGRAPH_<NAME> in the environment)")
    for name, default, help_ in describe():
        flag, text = f"--{name.replace('_', '-')}", f"{help_} (default: {default!r})"
        text = text.replace("%", "%%")
        if isinstance(default, bool):
            group.add_argument(flag, dest=name, action=argparse.BooleanOptionalAction,
                               default=None, help=text)
            continue
        kind: Callable[[str], Any] = _size if name == "max_bytes" else type(default)
        group.add_argument(flag, dest=name, type=kind, metavar=name.split("_")[-1].upper(),
                           help=text)


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except NewsgraphError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def run_schema(args: argparse.Namespace) -> int:
    from newsgraph.schema import record_schema

    print(json.dumps(record_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def run_extract(args: argparse.Namespace) -> int:
    from newsgraph.ingest import holds_many
    from newsgraph.pipeline import extract_all, parse_published

    settings = Settings.from_env(**{name: getattr(args, name) for name, _, _ in describe()})
    parse_published(args.published)  # a bad --published fails before any work
    if args.resume and not (args.output and args.format == "jsonl"):
        raise_config("--resume needs -o FILE and --format jsonl")
    done = _already_done(args.output) if args.resume else set()
    as_array = len(args.inputs) > 1 or holds_many(args.inputs[0])

    failed = 0
    outcomes = extract_all(args.inputs, args.published, settings=settings, skip=done)
    with _output(args.output, args.format, append=args.resume) as out, \
            _progress(args.progress) as tick:
        writer = _WRITERS[args.format](out, as_array)
        for outcome in outcomes:
            if isinstance(outcome, InputError):
                failed += 1
                print(f"{PROG}: {outcome}", file=sys.stderr)
            else:
                writer.send(outcome)
            tick(outcome)
        writer.close()
    return EXIT_INPUT if failed else EXIT_OK


def raise_config(message: str) -> None:
    from newsgraph.errors import ConfigError

    raise ConfigError(message)


def _already_done(path: Path) -> set[str]:
    """Sources of the complete records in a JSON Lines output; a torn last line is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
        path.write_bytes(data)
    done = set()
    for line in data.splitlines():
        with contextlib.suppress(ValueError):
            done.add(json.loads(line).get("source"))
    return done


@contextlib.contextmanager
def _output(path: Path | None, fmt: str, append: bool) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    if fmt == "jsonl":  # written as it goes, one complete line at a time, so it can resume
        with path.open("a" if append else "w", encoding="utf-8") as f:
            yield f
        return
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            yield f
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def _progress(enabled: bool | None) -> Iterator[Callable[[object], None]]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda _: None
        return
    from tqdm import tqdm

    with tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True) as bar:
        failed = 0

        def tick(outcome: object) -> None:
            nonlocal failed
            failed += isinstance(outcome, InputError)
            bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)

        yield tick


class _Writer:
    def __init__(self, out: IO[str], as_array: bool) -> None:
        self.out, self.as_array, self.count = out, as_array, 0

    def send(self, article: Article) -> None:
        self.count += 1

    def close(self) -> None:
        self.out.flush()


class _JsonWriter(_Writer):
    """An object for one article; an array when the inputs can hold several, or as soon as a
    second article turns up (a URL that turns out to be a feed), so the output is always JSON."""

    def __init__(self, out: IO[str], as_array: bool) -> None:
        super().__init__(out, as_array)
        self.held: str | None = None

    def send(self, article: Article) -> None:
        body = json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
        if not self.as_array and self.held is None and not self.count:
            self.held = body
        else:
            if self.held is not None:
                self.as_array = True
                self.out.write("[\n" + self.held)
                self.held = None
            self.out.write(("[\n" if not self.count else ",\n") + body)
        super().send(article)

    def close(self) -> None:
        if self.held is not None:
            self.out.write(self.held + "\n")
        elif self.as_array:
            self.out.write("\n]\n" if self.count else "[]\n")
        super().close()


class _JsonlWriter(_Writer):
    def send(self, article: Article) -> None:
        self.out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()
        super().send(article)


class _MarkdownWriter(_Writer):
    def send(self, article: Article) -> None:
        from newsgraph.render.markdown import to_markdown

        self.out.write(("\n---\n\n" if self.count else "") + to_markdown(article))
        super().send(article)


_WRITERS: dict[str, Any] = {"json": _JsonWriter, "jsonl": _JsonlWriter, "md": _MarkdownWriter}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
