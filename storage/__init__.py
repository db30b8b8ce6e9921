"""Everything that touches the database or files: tables, engine, migrations, repositories, seed."""
