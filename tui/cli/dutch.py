"""Dutch for what Typer itself prints: the usage line, the help option, type labels and every usage error.

Typer 0.29 carries its own copy of Click (`typer._click`) whose texts are English literals, outside gettext
(only Typer's rich panels go through gettext, see tui/cli/locale). They are translated here, at the CLI's
boundary, in two ways:
- where a text is made in one place (the usage prefix and placeholders, the help option's text, the type label
  in the help table, the prompt's errors), that place is wrapped;
- every usage error's message passes `dutch()` on its way out (`format_message` of Click's exception classes),
  a table of the English patterns Typer, its Click copy and pydantic (which checks typed values) produce.
What the table does not know stays as it was: tests/cli/test_dutch_help.py runs every command's help and the
usual mistakes and fails on any English word left, so a Typer upgrade that changes a text is noticed.
These are private parts of Typer: pyproject pins typer to the 0.29 series, and `install` fails loudly
(AttributeError at import, caught by every CLI test) when one of them is gone.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

TYPE_LABELS = {
    "str": "tekst", "int": "geheel getal", "float": "getal", "int range": "geheel getal", "float range": "getal",
    "path": "pad", "file": "bestand", "directory": "map", "datetime": "datum", "date": "datum", "uuid": "uuid",
    "Path": "pad", "decimal": "bedrag", "Decimal": "bedrag",
}

# (English pattern, Dutch replacement); applied in order, each as often as it matches.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"Missing argument '([^']+)'\.", r"Het argument '\1' ontbreekt."),
    (r"Missing option '([^']+)'\.", r"De optie '\1' ontbreekt."),
    (r"Missing parameter: (\S+)", r"Er ontbreekt een waarde: \1"),
    (r"Missing (argument|option|parameter)", r"Ontbrekend \1"),
    (r"Missing command\.", "Er ontbreekt een opdracht."),
    (r"Invalid value for ([^:]+): ", r"Ongeldige waarde voor \1: "),
    (r"Invalid value: ", "Ongeldige waarde: "),
    (r"No such option: (\S+)", r"Onbekende optie: \1"),
    (r"No such command '([^']*)'\.?", r"Onbekende opdracht '\1'."),
    (r"\(Possible options: ([^)]*)\)", r"(mogelijke opties: \1)"),
    (r"\.? ?Did you mean ([^?]+)\?", r". Bedoelt u \1?"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", r"Onverwacht extra argument: \1"),
    (r"Option '([^']+)' requires an argument\.", r"De optie '\1' heeft een waarde nodig."),
    (r"Option '([^']+)' requires (\d+) arguments\.", r"De optie '\1' heeft \2 waarden nodig."),
    (r"Option '([^']+)' does not take a value\.", r"De optie '\1' neemt geen waarde."),
    (r"Argument '([^']+)' takes (\d+) values\.", r"Het argument '\1' neemt \2 waarden."),
    (r"Value error, ", ""),
    (r"('[^']*') is not one of (.+?)\.?$", r"\1 kan niet; kies uit \2."),
    (r"Input should be a valid integer(, unable to parse string as an integer)?", "geef een geheel getal"),
    (r"Input should be a valid number(, unable to parse string as a number)?", "geef een getal"),
    (r"Input should be a valid boolean(, unable to interpret input)?", "geef ja of nee (true/false)"),
    (r"Input should be a valid date(time)?[^,]*(, .*)?$", "geef een datum als JJJJ-MM-DD"),
    (r"Input should be a valid decimal", "geef een bedrag"),
    (r"Input should be a valid string", "geef tekst"),
    (r"Input should be less than or equal to (\S+)", r"ten hoogste \1"),
    (r"Input should be greater than or equal to (\S+)", r"ten minste \1"),
    (r"Input should be less than (\S+)", r"kleiner dan \1"),
    (r"Input should be greater than (\S+)", r"groter dan \1"),
    (r"Input should be (.+)", r"toegestaan is \1"),
    (r"String should have at most (\d+) characters?", r"ten hoogste \1 tekens"),
    (r"String should have at least (\d+) characters?", r"ten minste \1 tekens"),
    (r"Value must be an iterable\.", "Geef een of meer waarden."),
    (r"Value '([^']*)' is not a valid ([\w ]+)\.", r"'\1' is geen geldige waarde (\2)."),
    (r"(File|Directory|Path) '([^']*)' does not exist\.", r"\1 '\2' bestaat niet."),
    (r"(File|Directory|Path) '([^']*)' is a directory\.", r"\1 '\2' is een map."),
    (r"(File|Directory|Path) '([^']*)' is a file\.", r"\1 '\2' is een bestand."),
    (r"(File|Directory|Path) '([^']*)' is not readable\.", r"\1 '\2' is niet te lezen."),
    (r"(File|Directory|Path) '([^']*)' is not writable\.", r"\1 '\2' is niet te schrijven."),
    (r"^File ", "Bestand "), (r"^Directory ", "Map "), (r"^Path ", "Pad "),
    (r"Could not open file '([^']*)': ", r"Bestand '\1' kon niet worden geopend: "),
    (r"The value you entered was invalid\.", "De ingevoerde waarde is ongeldig."),
    (r"The two entered values do not match\.", "De twee ingevoerde waarden zijn niet gelijk."),
    (r"invalid input", "ongeldige invoer"),
    (r"^Error: ", "Fout: "),
    (r"Aborted[!.]", "Afgebroken."),
)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in PHRASES)


def dutch(text: str) -> str:
    """`text` with every known English phrase of Typer, Click and pydantic in Dutch."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


USAGE_WORDS = (("[OPTIONS]", "[OPTIES]"), ("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]..."))


def _usage_args(args: str) -> str:
    for english, dutch_words in USAGE_WORDS:
        args = args.replace(english, dutch_words)
    return args


def _wrap_message(cls: Any) -> None:
    original: Callable[[Any], str] = cls.format_message
    if getattr(original, "_dutch", False):
        return

    def format_message(self: Any) -> str:
        return dutch(original(self))

    format_message._dutch = True  # type: ignore[attr-defined]
    cls.format_message = format_message


def _dutch_highlighter(rich_utils: ModuleType) -> None:
    highlighter: Any = rich_utils.highlighter
    highlighter.highlights = [h.replace("(?P<usage>Usage: )", "(?P<usage>Gebruik: )") for h in highlighter.highlights]


class _AfterImport:
    """A meta-path finder that runs `patch(module)` right after `name` is first imported, so a module that
    only a help page or an error needs (typer.rich_utils imports rich's markdown, pygments and traceback:
    a third of `case show`'s start-up) is patched without being imported by every command."""

    def __init__(self, name: str, patch: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.patch = patch

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module = spec.loader.exec_module
        patch = self.patch

        def exec_and_patch(module: ModuleType) -> None:
            exec_module(module)
            patch(module)

        spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
        return spec


def after_import(name: str, patch: Callable[[ModuleType], None]) -> None:
    """`patch(module)` now if `name` is imported already, else right after its first import."""
    module = sys.modules.get(name)
    if module is not None:
        patch(module)
    else:
        sys.meta_path.insert(0, _AfterImport(name, patch))


def install() -> None:
    """Patch Typer's Click copy (idempotent)."""
    import typer
    from typer import core
    from typer._click import decorators, exceptions, formatting, termui

    formatter = formatting.HelpFormatter
    if getattr(formatter.write_usage, "_dutch", False):
        return
    write_usage = formatter.write_usage

    def dutch_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, _usage_args(args), "Gebruik: " if prefix is None else prefix)

    dutch_usage._dutch = True  # type: ignore[attr-defined]
    formatter.write_usage = dutch_usage  # type: ignore[method-assign]
    after_import("typer.rich_utils", _dutch_highlighter)

    for cls in (exceptions.ClickException, exceptions.UsageError, exceptions.BadParameter,
                exceptions.MissingParameter, exceptions.NoSuchOption, exceptions.BadOptionUsage,
                exceptions.BadArgumentUsage, exceptions.FileError):
        _wrap_message(cls)

    help_option = decorators.help_option

    def dutch_help_option(param_decls: list[str]) -> Any:
        decorate = help_option(param_decls)

        def apply(command: Any) -> Any:
            result = decorate(command)
            for param in getattr(result, "params", []):
                if getattr(param, "help", None) == "Show this message and exit.":
                    param.help = "Toon deze hulp en stop."
            return result

        return apply

    decorators.help_option = dutch_help_option  # Command.get_help_option imports it from there on each use

    display_type = core._TyperParameter.display_type

    def dutch_type(self: Any, ctx: Any) -> str:
        if getattr(self, "is_flag", False):
            return ""  # a flag has no value to describe (Typer shows "<bool>")
        label = str(display_type(self, ctx))
        inner = label[1:-1] if label.startswith("<") and label.endswith(">") else label
        return f"<{TYPE_LABELS.get(inner, inner)}>"

    core._TyperParameter.display_type = dutch_type  # type: ignore[method-assign]

    echo = getattr(termui, "echo")  # noqa: B009 (imported there from utils, not re-exported)

    def dutch_echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
        echo(dutch(message) if isinstance(message, str) else message, *args, **kwargs)

    setattr(termui, "echo", dutch_echo)  # noqa: B010
    prompt = termui.prompt

    def dutch_prompt(text: str, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("confirmation_prompt") is True:
            kwargs["confirmation_prompt"] = "Herhaal ter bevestiging"
        return prompt(text, *args, **kwargs)

    termui.prompt = dutch_prompt
    typer.prompt = dutch_prompt

    def dutch_confirm(text: str, default: bool | None = False, abort: bool = False, prompt_suffix: str = ": ",
                      show_default: bool = True, err: bool = False) -> bool:
        """Click's confirm with Dutch answers: j/ja (and y/yes) or n/nee (and no)."""
        shown = termui._build_prompt(text, prompt_suffix, show_default,
                                     "j/n" if default is None else ("J/n" if default else "j/N"))
        while True:
            try:
                echo(shown[:-1], nl=False, err=err)
                value = termui.visible_prompt_func(shown[-1:]).lower().strip()
            except (KeyboardInterrupt, EOFError):
                raise typer.Abort() from None
            if value in ("j", "ja", "y", "yes"):
                answer = True
            elif value in ("n", "nee", "no"):
                answer = False
            elif default is not None and value == "":
                answer = default
            else:
                echo("Fout: antwoord j (ja) of n (nee).", err=err)
                continue
            break
        if abort and not answer:
            raise typer.Abort()
        return answer

    termui.confirm = dutch_confirm
    typer.confirm = dutch_confirm
