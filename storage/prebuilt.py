"""Prebuilt statements on the driver's cursor: the hot paths (opening a case or a plan with its audit record, the
case list's first page).

A `Prebuilt` is a Core statement built once at import (a SELECT, or an INSERT/UPDATE such as the audit record's).
It is compiled once per dialect and then run on a DBAPI cursor of the session's own connection (so inside the
unit of work's transaction), with one `fetchall`. Parameters pass the columns' own bind processors and values
the result processors (the conversions `Connection.execute` applies), so the rows hold exactly what a Core
execution returns, as tuples in the order of the statement's columns.

Why: SQLAlchemy's execute path (execution context, cache-key lookup, result metadata, the row objects) cost
~11 µs a statement here against ~6 µs for the driver's own execute and fetch; opening a plan runs 14 of them
(`doorbraak bench`: that was about a fifth of it). Errors are SQLAlchemy's as ever: a driver error is wrapped in
the `sqlalchemy.exc.DBAPIError` subclass an ordinary execution raises (its parameters hidden, as the engine's
`hide_parameters`), and a lost connection is invalidated so the pool does not hand it out again.

`construct` builds the domain models from such rows: what pydantic's `model_construct` builds, faster.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.sql.expression import Executable

Processor = Callable[[Any], Any]


class _Compiled:
    """One statement compiled for one dialect: its SQL, how to order its parameters, and (after the first run,
    when the driver has described the columns) the result processors of the columns that have one."""

    __slots__ = ("sql", "names", "defaults", "binds", "plain", "processors")

    def __init__(self, statement: Any, dialect: Dialect, columns: Sequence[str] | None) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=columns)
        if "POSTCOMPILE" in compiled.string:
            raise ValueError("a prebuilt statement cannot have expanding or literal-execute parameters")
        self.sql = compiled.string
        self.names: tuple[str, ...] | None = tuple(compiled.positiontup or ()) if compiled.positional else None
        # Values bound at build time (e.g. `.limit(1)`): passed along with the caller's parameters.
        self.defaults = {name: bind.value for name, bind in compiled.binds.items() if bind.value is not None}
        self.binds: dict[str, Processor] = {}
        for name, bind in compiled.binds.items():
            process = bind.type._cached_bind_processor(dialect)
            if process is not None:
                self.binds[name] = process
        self.plain = not self.defaults and not self.binds
        """The caller's parameters go to the driver as they are (only put in order for a positional style)."""
        self.processors: list[tuple[int, Processor]] | None = None

    def parameters(self, params: Mapping[str, Any]) -> Any:
        if self.plain:
            return params if self.names is None else [params[name] for name in self.names]
        values = {**self.defaults, **params} if self.defaults else dict(params)
        for name, process in self.binds.items():
            values[name] = process(values[name])
        if self.names is None:
            return values
        return tuple(values[name] for name in self.names)

    def describe(self, columns: Sequence[Any], dialect: Dialect, description: Sequence[Any] | None) -> None:
        found: list[tuple[int, Processor]] = []
        if not columns or description is None:  # no rows (a DML without RETURNING) or untyped text
            self.processors = found
            return
        for index, (column, described) in enumerate(zip(columns, description, strict=True)):
            process = column.type._cached_result_processor(dialect, described[1])
            if process is not None:
                found.append((index, process))
        self.processors = found


class Prebuilt:
    """A Core statement run on the driver's cursor of a SQLAlchemy connection (see the module docstring): a
    SELECT, or an INSERT/UPDATE (with or without RETURNING) whose `columns` are the parameters it is given."""

    def __init__(self, statement: Executable, columns: Sequence[str] | None = None) -> None:
        self.statement = statement
        self.columns = None if columns is None else list(columns)
        self._result_columns: list[Any] = list(getattr(statement, "exported_columns", ()))
        self._compiled: dict[str, _Compiled] = {}
        self._record: Callable[[Sequence[Any]], Any] | None = None

    def _make_record(self) -> Callable[[Sequence[Any]], Any]:
        """The named tuple class of `records` and `first`, made on first use (a count has no column name)."""
        if self._record is None:
            names = [column.key or "" for column in self._result_columns]
            record = namedtuple("Record", names, rename=True)  # type: ignore[misc]  # names known at run time
            if list(record._fields) != names:
                raise ValueError(f"column names that cannot be attributes: {names}")
            self._record = record._make
        return self._record

    def _for(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = _Compiled(self.statement, dialect, self.columns)
        return found

    def rows(self, connection: Connection, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """Every row as a tuple (a list where a column's value was converted), in the statement's column order."""
        dialect = connection.dialect
        compiled = self._for(dialect)
        driver = connection.connection.driver_connection
        assert driver is not None
        parameters = compiled.parameters(params)
        cursor = driver.cursor()
        try:
            cursor.execute(compiled.sql, parameters)
            rows: list[Any] = cursor.fetchall() if cursor.description is not None else []
            if compiled.processors is None:
                compiled.describe(self._result_columns, dialect, cursor.description)
        except dialect.loaded_dbapi.Error as error:
            raise _wrapped(error, connection, compiled.sql, cursor) from error
        finally:
            cursor.close()
        processors = compiled.processors
        if not processors or not rows:
            return rows
        converted: list[Sequence[Any]] = []
        for row in rows:
            values = list(row)
            for index, process in processors:
                values[index] = process(values[index])
            converted.append(values)
        return converted

    def records(self, connection: Connection, params: Mapping[str, Any]) -> list[Any]:
        """Every row as a named tuple: its values also by column name (`row.case_number`), as on a Core row."""
        return list(map(self._make_record(), self.rows(connection, params)))

    def first(self, connection: Connection, params: Mapping[str, Any]) -> Any | None:
        """The first row as a named tuple, or None."""
        rows = self.rows(connection, params)
        return self._make_record()(rows[0]) if rows else None


def _wrapped(error: Any, connection: Connection, sql: str, cursor: Any) -> StatementError:
    """The exception `Connection.execute` would raise for this driver error; a lost connection is invalidated."""
    dialect = connection.dialect
    disconnected = dialect.is_disconnect(error, connection.connection.dbapi_connection, cursor)
    if disconnected:
        connection.invalidate(error)
    wrapped: StatementError = DBAPIError.instance(sql, None, error, dialect.loaded_dbapi.Error, hide_parameters=True,
                                                  dialect=dialect, connection_invalidated=disconnected)
    return wrapped


ModelT = TypeVar("ModelT", bound=BaseModel)
_set = object.__setattr__
_PLAIN: dict[type[BaseModel], tuple[str, ...] | None] = {}


def _plain_fields(cls: type[BaseModel]) -> tuple[str, ...] | None:
    """The field names of a model `construct` may fill itself; None when pydantic's own construction is needed
    (a post-init hook, a root model, extra fields kept, or a field with an alias)."""
    if cls not in _PLAIN:
        fields = cls.__pydantic_fields__
        plain = (cls.__pydantic_post_init__ is None and not cls.__pydantic_root_model__
                 and cls.model_config.get("extra") != "allow"
                 and all(f.alias is None and f.validation_alias is None for f in fields.values()))
        _PLAIN[cls] = tuple(fields) if plain else None
    return _PLAIN[cls]


def construct(cls: type[ModelT], **values: Any) -> ModelT:
    """What `cls.model_construct(**values)` makes (trusted values, no validation), in ~60 % of its time when every
    field is given: opening a plan builds ~40 models from stored rows, and pydantic's loop over each field's
    aliases and defaults cost a tenth of it. Any other case is left to `model_construct` itself."""
    names = _plain_fields(cls)
    if names is None or len(values) != len(names):
        return cls.model_construct(**values)
    fields = {name: values[name] for name in names}  # the model's field order, as model_construct keeps it
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", set(fields))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
