"""The baseline CLI: a bare Typer app with two commands. `show` does what `doorbraak case show X --json` does,
with the raw driver: read the household with its members, problems, organisations and plans (with their
goals, actions, cost lines, legal bases and evaluations), record the view in an audit table, commit, and
print it as JSON. `--help` prints its own help."""

from __future__ import annotations

import json
import sqlite3

import typer

app = typer.Typer(add_completion=False)
CHILDREN = ("member", "problem", "involved_organisation")  # as benchmarks/raw_sql.py
PLAN_CHILDREN = ("plan_goal", "plan_action", "plan_cost_line", "plan_legal_basis", "plan_evaluation")


@app.command()
def show(database: str, case_number: str) -> None:
    """Show one household as JSON."""
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        household = connection.execute("SELECT * FROM household WHERE case_number = ?", (case_number,)).fetchone()
        document = dict(household)
        for table in CHILDREN:
            rows = connection.execute(f"SELECT * FROM {table} WHERE household_id = ?", (household["id"],))
            document[table] = [dict(row) for row in rows]
        plans = connection.execute("SELECT * FROM maatwerkplan WHERE household_id = ?", (household["id"],))
        document["plans"] = [dict(plan) for plan in plans]
        for plan in document["plans"]:
            for table in PLAN_CHILDREN:
                rows = connection.execute(f"SELECT * FROM {table} WHERE plan_id = ?", (plan["id"],))
                plan[table] = [dict(row) for row in rows]
        connection.execute("CREATE TABLE IF NOT EXISTS bare_audit (at TEXT, object_id TEXT)")
        connection.execute("INSERT INTO bare_audit VALUES (datetime('now'), ?)", (case_number,))
    typer.echo(json.dumps(document, default=str, indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo("bare 1.0")


if __name__ == "__main__":
    app()
