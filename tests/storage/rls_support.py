"""The PostgreSQL row-level security setting shared by the RLS tests: two households, four personal roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

PASSWORD = "een lang wachtwoord 2026"


@dataclass
class Secured:
    url: str
    prefix: str
    amsterdam: str
    rotterdam: str

    def login(self, who: str) -> str:
        return f"{self.prefix}_{who}"

    def engine_as(self, who: str) -> Engine:
        return create_engine(make_url(self.url).set(username=self.login(who), password=PASSWORD))


def rows(engine: Engine, sql: str) -> list[object]:
    with engine.connect() as connection:
        return list(connection.execute(text(sql)).scalars())


def refused(engine: Engine, sql: str) -> bool:
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    except DBAPIError:
        return True
    return False
