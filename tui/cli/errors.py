"""The CLI's one error boundary: whatever goes wrong, a Dutch line on stderr and an exit code, never a traceback.

Exit codes: 0 done; 1 refused or failed (a case that does not exist, a transition that is not allowed, an
unexpected failure); 2 the input was rejected (an invalid, over-long or malformed argument, a file that
cannot be read or written where asked, JSON nested too deeply or with a number too long to read).
Unexpected failures are logged without values (tui/error_log.py) and the message says where.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui.error_log import log_path, write_log

if TYPE_CHECKING:  # Typer is imported where it is used: the app's fast start runs inside `guarded` without it
    import typer

EXIT_ERROR = 1
EXIT_INVALID = 2
MAX_ARGUMENT = 1000
"""No argument (a search text, a case number, a path) is longer; longer ones are refused before anything runs."""


def _stop(message: str, code: int) -> NoReturn:
    import typer

    typer.echo(f"Fout: {message}", err=True)
    raise SystemExit(code)


def check_arguments(arguments: Sequence[str]) -> None:
    for argument in arguments:
        if len(argument) > MAX_ARGUMENT:
            _stop(f"een argument is langer dan {MAX_ARGUMENT} tekens ({argument[:20]}…); er is niets gedaan.",
                  EXIT_INVALID)
        if "\x00" in argument:
            _stop("een argument bevat een nul-teken; er is niets gedaan.", EXIT_INVALID)


def output_paths(app: typer.Typer, arguments: Sequence[str]) -> list[str]:
    """The values given to the `--output` option of the command named in `arguments` (under its own short
    name, e.g. `-o`: which elsewhere may mean something else, such as `register search -o ORGANISATIE`)."""
    import typer.main

    from tui.cli.lazy import LazyTyperGroup

    command: Any = typer.main.get_command(app)
    rest = list(arguments)
    while rest and hasattr(command, "commands"):
        word = rest.pop(0)
        if word in command.commands:
            command = command.load(word) if isinstance(command, LazyTyperGroup) else command.commands[word]
    names: list[str] = next((param.opts + param.secondary_opts for param in getattr(command, "params", [])
                  if "--output" in getattr(param, "opts", [])), [])
    found = []
    for index, word in enumerate(rest):
        if word in names and index + 1 < len(rest):
            found.append(rest[index + 1])
        elif word.startswith("--output="):
            found.append(word.partition("=")[2])
    return found


def check_output_paths(paths: Sequence[str]) -> None:
    """A file to write must be a file name in an existing folder: refused before anything is read or written."""
    for text in paths:
        path = Path(text)
        if path.is_dir():
            _stop(f"{path} is een map; geef een bestandsnaam op. Er is niets geschreven.", EXIT_INVALID)
        if not path.parent.is_dir():
            _stop(f"de map {path.parent} bestaat niet. Er is niets geschreven.", EXIT_INVALID)


def run_guarded(app: typer.Typer, arguments: Sequence[str] | None = None) -> None:
    """Run the Typer app; turn every exception that escapes it into a Dutch message and an exit code."""
    given = list(sys.argv[1:] if arguments is None else arguments)
    check_arguments(given)

    def run() -> None:
        check_output_paths(output_paths(app, given))
        app(args=given, prog_name="doorbraak")

    guarded(run)


def guarded(call: Callable[[], None]) -> None:
    """Run `call` inside the boundary: every exception that escapes it becomes a Dutch message and an exit code."""
    try:
        call()
    except (SystemExit, KeyboardInterrupt):
        raise
    except RecursionError:
        _stop("de invoer is te diep genest om te lezen; er is niets opgeslagen.", EXIT_INVALID)
    except (IsADirectoryError, NotADirectoryError) as error:
        _stop(f"{error.filename or 'het pad'} is een map of ligt niet in een map; geef een bestandsnaam op.",
              EXIT_INVALID)
    except FileNotFoundError as error:
        _stop(f"{error.filename or 'het bestand'} of de map ervan bestaat niet.", EXIT_INVALID)
    except PermissionError as error:
        _stop(f"geen toegang tot {error.filename or 'het bestand'}.", EXIT_INVALID)
    except OSError as error:
        _stop(f"lezen of schrijven lukte niet ({type(error).__name__}); er is niets opgeslagen.", EXIT_INVALID)
    except UnicodeError:
        _stop("de invoer is geen geldige UTF-8-tekst; er is niets opgeslagen.", EXIT_INVALID)
    except ValueError:
        # E.g. a number of more than 4300 digits in JSON (Python's int limit): input that cannot be read.
        _stop("de invoer kon niet worden gelezen (ongeldige of te grote waarde); er is niets opgeslagen.",
              EXIT_INVALID)
    except MemoryError:
        _stop("de invoer is te groot om te verwerken; er is niets opgeslagen.", EXIT_INVALID)
    except Exception as error:  # noqa: BLE001 - the boundary: logged without values, told in Dutch
        write_log(error, "cli")  # not the arguments: they may hold a BSN, a name or a database password
        _stop(f"er ging iets mis ({type(error).__name__}). Details zonder gegevens staan in {log_path()}.",
              EXIT_ERROR)
