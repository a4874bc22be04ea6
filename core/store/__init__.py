"""Workspace storage: SQLite through SQLAlchemy, schema managed by Alembic."""
