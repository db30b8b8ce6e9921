"""`doorbraak bench`: one benchmark of every hot path, on SQLite and PostgreSQL, each next to a baseline.

It sits beside the three layers (it drives the Textual app and every layer below it) and is installed
with the app, so `doorbraak bench` works from any install, not only from a checkout. The baselines are
hand-written SQL on the raw drivers (sqlite3, psycopg): that is their point, and why this code is not in
`tui`, which never writes SQL or imports a database driver. Nothing here runs in the normal test suite
(tests/cli/test_bench_cli.py runs `--quick` only to keep the command working).

Modules: `stats` (timing), `data` (build and cache the synthetic data, copy it to PostgreSQL), `backends`
(the database under test and its raw connection), `raw_sql` (the baselines), `db_paths` (case list, open a
household, register search, dashboard), `importing`, `documents` (rekensom, PDF), `startup` and `child`
(the Textual app in a child process: start-up to first paint, peak memory), `load` (many users),
`report` (table and JSON), `run` (the whole run).
"""
