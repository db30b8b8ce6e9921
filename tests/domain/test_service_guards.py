"""Every use case that acts for someone checks what that someone may do — in the service, not the screen.

A static check over domain/services: each public function with an `actor` parameter must call an access
check (`require`, `require_case`, `open_case`, `UseCase(uow, actor, permission)`, ...) itself or through
another checked function. It cannot
prove the check comes first, but it catches a new use case that forgot it altogether.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "domain" / "services"
CHECKS = {"require", "require_case", "open_case", "case_access"}
# Use cases that take an actor but need no permission of their own, and why.
EXEMPT: dict[str, str] = {
    "casework.audit": "writes the audit record of the calling use case (which checked access)",
    "mandates.covering_mandate": "checks the mandate inside the calling use case (deciding a plan, granting an "
                                 "overbrugging), which checked access to the case",
    "people.store_evaluation_scores": "stores an evaluation's ZRM scores inside the calling plan use case "
                                      "(which checked access to the case)",
    "use_case.audit_event": "builds the audit record of the calling use case (which checked access)",
    "users.record_login": "records a login that PostgreSQL itself checked (a personal database role)",
    "users.record_lock": "records that the logged-in user's own screen was locked (idle lock); reads nothing",
    "users.record_unlock": "records an unlock checked elsewhere (PostgreSQL role, or single-user mode)",
    "users.unlock": "checks the logged-in user's own password (like authenticate); reads no case data",
}


def _functions() -> dict[str, ast.FunctionDef]:
    found: dict[str, ast.FunctionDef] = {}
    for path in sorted(SERVICES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                found[f"{path.stem}.{node.name}"] = node
    return found


def _aliases() -> dict[str, set[str]]:
    """Use cases bound from a shared workflow's method (`list_escalations = ESCALATIONS.list`), each with the
    names that method calls (in a class of domain/services, e.g. `CaseWorkflow.list`): checked when it checks."""
    methods: dict[str, set[str]] = {}
    assigned: dict[str, str] = {}
    for path in sorted(SERVICES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Attribute)):
                assigned[f"{path.stem}.{node.targets[0].id}"] = node.value.attr
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and _takes_actor(item):
                        methods.setdefault(item.name, set()).update(_called_names(item))
    return {alias: methods[attr] for alias, attr in assigned.items() if attr in methods}


def _called_names(function: ast.FunctionDef) -> set[str]:
    """Names called; an explicit `raise AccessDenied(...)` counts as a check as well."""
    names: set[str] = set()
    for node in ast.walk(function):
        if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name) and node.exc.func.id == "AccessDenied"):
            names.add("require")
        if isinstance(node, ast.Call):
            target = node.func
            # The use-case template checks the permission it is given: UseCase(uow, actor, Permission.X).
            if (isinstance(target, ast.Name) and target.id == "UseCase"
                    and (len(node.args) >= 3 or any(k.arg == "permission" for k in node.keywords))):
                names.add("require")
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute):
                names.add(target.attr)
    return names


def _takes_actor(function: ast.FunctionDef) -> bool:
    arguments = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
    return any(a.arg == "actor" for a in arguments)


def test_every_use_case_with_an_actor_checks_access() -> None:
    functions = _functions()
    by_name: dict[str, set[str]] = {}
    for qualified in functions:
        by_name.setdefault(qualified.split(".", 1)[1], set()).add(qualified)
    calls = {q: _called_names(f) for q, f in functions.items()}
    for qualified, names in _aliases().items():  # module-level names for a workflow's checked method
        by_name.setdefault(qualified.split(".", 1)[1], set()).add(qualified)
        calls.setdefault(qualified, names)
    guarded = {q for q, names in calls.items() if names & CHECKS}
    changed = True
    while changed:  # a function that calls a checked use case is checked too
        changed = False
        for qualified, names in calls.items():
            if qualified in guarded:
                continue
            if any(other in guarded for name in names for other in by_name.get(name, ())):
                guarded.add(qualified)
                changed = True
    unchecked = sorted(
        q for q, f in functions.items()
        if not f.name.startswith("_") and _takes_actor(f) and q not in guarded and q not in EXEMPT
    )
    assert unchecked == [], f"use cases without an access check: {unchecked}"
    assert len([q for q, f in functions.items() if _takes_actor(f)]) > 80  # the check did look at them
