"""Child process for the crash test: saves households in a loop and prints each case number after COMMIT."""

from __future__ import annotations

import sys

from domain.services import households as service
from domain.services.households import parse_draft
from storage.bootstrap import open_database
from storage.settings import Settings


def main(url: str) -> None:
    db = open_database(Settings(database_url=url))
    i = 0
    while True:
        i += 1
        household = service.create_household(
            parse_draft({
                "name": f"Crashtest {i}",
                "municipality_code": "GM0363",
                "members": [{"name": f"Lid {i}", "date_of_birth": "1990-01-01"}],
                "problems": [{"leefgebied": "financien", "score": 2}],
            }),
            db.uow(),
            db.actor,
        )
        if i % 3 == 0 and household.case_number:  # also edits, which rewrite children
            service.update_household(
                household.case_number,
                parse_draft({"name": f"Crashtest {i} bewerkt", "municipality_code": "GM0363"}),
                household.version,
                db.uow(),
                db.actor,
            )
        sys.stdout.write(f"{household.case_number}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
