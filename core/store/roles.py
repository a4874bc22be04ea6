"""Who may do what in a team workspace: PostgreSQL roles, grants and row-level security.

The four roles follow Partner Center's (see DOMAIN.md):

* ``admin-agent``   — everything, settings and clerks included;
* ``billing-admin`` — import, allocate, plan, export (reads everything, changes the ledger;
  of the settings only the remembered spreadsheet layouts);
* ``support-agent`` — reads everything, records notes;
* ``sales``         — reads customers' charges and invoice status: no bank details (the
  payments' references, accounts, counterparties and source rows, the bank statements'
  imports, the invoice numbers a transfer quoted beyond those its allocations name, the bank
  settings), no payment plans, no audit details.

The server enforces them: a clerk whose role may not do something is refused by PostgreSQL
itself (sqlstate 42501), whatever the program shows.  Each role is a group role
(``csp_billing_admin``...); a clerk is a login role that is a member of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Integer

from core.store import schema as t

ROLES = {
    "admin-agent": "csp_admin_agent",
    "billing-admin": "csp_billing_admin",
    "support-agent": "csp_support_agent",
    "sales": "csp_sales",
}
DESCRIPTIONS = {
    "admin-agent": "everything, including settings and clerks",
    "billing-admin": "import, allocate, plan and export",
    "support-agent": "read everything, record notes",
    "sales": "read customers' charges and invoice status; no bank details",
}

# What the ledger is made of: billing administrators change these.
LEDGER_TABLES = (
    "imports", "documents", "line_packs", "line_blocks", "line_customer_totals", "payments",
    "payment_sources", "usage_totals", "payment_references", "allocations", "planned_payments",
    "plan_lines", "rejected_suggestions", "payment_marks", "claims", "microsoft_views",
)  # fmt: skip
# Sales read these whole...
SALES_TABLES = (
    "documents", "line_packs", "line_blocks", "line_customer_totals", "usage_totals",
    "allocations", "notes", "alembic_version", "payment_marks", "claims", "microsoft_views",
)  # fmt: skip
# ... and of these only the columns that say nothing of the bank or the audit's details.
SALES_COLUMNS = {
    "payments": ("id", "fingerprint", "date", "amount", "currency", "import_id"),
    "audit": ("id", "at", "os_user", "action", "undo_of"),
}
# ... and of these only some rows (row-level security), whole: the imports of Partner Center's
# and the clerk's invoice files (a bank statement's name and the entries it skipped, with
# their counterparties, amounts and labels, are bank details), and of the invoice numbers a
# transfer quoted only those its reference chose for an allocation in force (the ledger
# needs them to share the payment out as everyone else sees it; the allocation shows them).
SALES_ROWS = {
    "imports": "format ~ '^(Partner Center |Invoice list )'",
    "payment_references": (
        "EXISTS (SELECT 1 FROM allocations a WHERE a.source_kind = 'payment' "
        "AND a.source_id = payment_references.payment_id "
        "AND a.invoice_number = payment_references.invoice_number "
        "AND a.method = 'auto-reference' AND a.removed_audit_id IS NULL)"
    ),
}
# What a clerk writes of a note: its subject and text.  Its id comes from the server's
# sequence, its author and time from the server's trigger (see migration 0011).
NOTE_COLUMNS = ("subject", "text")
# The id sequences ("*": all of them): USAGE draws the next id (an insert's default),
# SELECT reads the last.  Nobody but the owner sets one back (UPDATE: setval), which would
# make the next inserts collide; sales draw none.
SEQUENCES = {
    "admin-agent": {"*": ("USAGE", "SELECT")},
    "billing-admin": {"*": ("USAGE",)},
    "support-agent": {"notes_id_seq": ("USAGE",)},
}
# Settings that are bank details: hidden from sales by a row-level policy.
BANK_SETTINGS = "^(company_account|company_bic|payee_)"
# The one kind of setting a billing administrator writes: remembered spreadsheet layouts.
LAYOUT_SETTINGS = "^layout:"

# What the program offers each role (the server decides; this only greys out what it would
# refuse).  A role of "" (the owner, a workspace file) may do everything.
MAY = {
    "import": {"admin-agent", "billing-admin"},
    "allocate": {"admin-agent", "billing-admin"},
    "settings": {"admin-agent"},
    "note": {"admin-agent", "billing-admin", "support-agent"},
    "claim": {"admin-agent", "billing-admin"},
    "bank details": {"admin-agent", "billing-admin", "support-agent"},
}


def may(role: str, action: str) -> bool:
    return not role or role in MAY[action]


NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(ValueError):
    """A clerk or role that cannot be created as asked."""


@dataclass(frozen=True)
class Clerk:
    name: str
    role: str  # one of ROLES, or "" for the owner / a superuser
    can_login: bool


def _all_tables() -> list[str]:
    return [table.name for table in t.metadata.sorted_tables] + ["alembic_version"]


Rights = dict[str, dict[str, tuple[str, ...] | None]]  # table -> privilege -> columns (None: all)


def rights() -> dict[str, Rights]:
    """What each role may do to each table, as the server is told: per role, per table, per
    privilege (SELECT, INSERT, UPDATE, DELETE), the columns (``None``: the whole table).  A
    table or privilege not named is refused.  Row-level policies narrow some further
    (:func:`policies`)."""
    tables = _all_tables()
    out: dict[str, Rights] = {role: {table: {} for table in tables} for role in ROLES}
    for table in tables:
        out["billing-admin"][table]["SELECT"] = None
        out["support-agent"][table]["SELECT"] = None
        if table != "notes":  # a note is written through its two columns, never changed
            out["admin-agent"][table].update(_writes(table, ("SELECT", "DELETE")))
    out["admin-agent"]["notes"].update({"SELECT": None, "DELETE": None, "INSERT": NOTE_COLUMNS})
    for table in LEDGER_TABLES:
        out["billing-admin"][table].update(_writes(table, ("DELETE",)))
    out["billing-admin"]["audit"]["INSERT"] = _writes("audit", ())["INSERT"]
    out["billing-admin"]["settings"].update(dict.fromkeys(("INSERT", "UPDATE")))
    for role in ("billing-admin", "support-agent"):
        out[role]["notes"]["INSERT"] = NOTE_COLUMNS
    for table in (*SALES_TABLES, *SALES_ROWS, "settings"):
        out["sales"][table]["SELECT"] = None
    for table, columns in SALES_COLUMNS.items():
        out["sales"][table]["SELECT"] = columns
    return out


def _writes(table: str, others: tuple[str, ...]) -> dict[str, tuple[str, ...] | None]:
    """INSERT and UPDATE on a table (with ``others`` on all of it).  Where the server numbers
    the rows (an ``id`` from a sequence), not on that column: a clerk who wrote ids would take
    those the others' next rows are to get, and every later insert would fail."""
    columns: tuple[str, ...] | None = None
    if table != "alembic_version":
        key = list(t.metadata.tables[table].primary_key.columns)
        if len(key) == 1 and key[0].name == "id" and isinstance(key[0].type, Integer):
            columns = tuple(c.name for c in t.metadata.tables[table].columns if c.name != "id")
    return {**dict.fromkeys(others), "INSERT": columns, "UPDATE": columns}


def policies() -> dict[str, dict[str, str]]:
    """Row-level security: per table, each policy's rule.  Sales see no bank settings and only
    some rows of :data:`SALES_ROWS`; billing administrators write layouts only (anything else
    is refused by the server, not silently skipped)."""
    r = ROLES
    trusted = f"{r['admin-agent']}, {r['billing-admin']}"
    out: dict[str, dict[str, str]] = {
        "settings": {
            "settings_read": (f"FOR SELECT TO {r['admin-agent']}, {r['billing-admin']}, "
                              f"{r['support-agent']} USING (true)"),
            "settings_sales": f"FOR SELECT TO {r['sales']} USING (key !~ '{BANK_SETTINGS}')",
            "settings_admin": f"FOR ALL TO {r['admin-agent']} USING (true) WITH CHECK (true)",
            "settings_layouts_add": (f"FOR INSERT TO {r['billing-admin']} "
                                     f"WITH CHECK (key ~ '{LAYOUT_SETTINGS}')"),
            "settings_layouts_change": (f"FOR UPDATE TO {r['billing-admin']} USING (true) "
                                        f"WITH CHECK (key ~ '{LAYOUT_SETTINGS}')"),
        },
    }  # fmt: skip
    for table, rule in SALES_ROWS.items():
        out[table] = {
            f"{table}_change": f"FOR ALL TO {trusted} USING (true) WITH CHECK (true)",
            f"{table}_read": f"FOR SELECT TO {r['support-agent']} USING (true)",
            f"{table}_sales": f"FOR SELECT TO {r['sales']} USING ({rule})",
        }
    return out


def grant_statements(database: str) -> list[str]:
    """Every statement that sets the roles' rights on the workspace's tables (re-runnable:
    it first takes back what it gives, so a changed rule replaces the old one)."""
    roles = ", ".join(ROLES.values())
    r = ROLES
    out = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {roles}',
        f"GRANT USAGE ON SCHEMA public TO {roles}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {roles}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {roles}",
    ]
    declared = rights()
    by_column = {table for tables in declared.values() for table, granted in tables.items()
                 if any(columns is not None for columns in granted.values())}  # fmt: skip
    for table in sorted(by_column):  # take back each column's too, whatever changed
        out.append(f"REVOKE ALL ({', '.join(_columns(table))}) ON {table} FROM {roles}")
    for role, tables in declared.items():
        for table, granted in tables.items():
            for privilege, columns in granted.items():
                cols = f" ({_quoted(columns)})" if columns is not None else ""
                out.append(f"GRANT {privilege}{cols} ON {table} TO {r[role]}")
    for role, sequences in SEQUENCES.items():
        for sequence, privileges in sequences.items():
            on = "ALL SEQUENCES IN SCHEMA public" if sequence == "*" else f"SEQUENCE {sequence}"
            out.append(f"GRANT {', '.join(privileges)} ON {on} TO {r[role]}")
    for table, rules in policies().items():
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name, rule in rules.items():
            out += [f"DROP POLICY IF EXISTS {name} ON {table}",
                    f"CREATE POLICY {name} ON {table} {rule}"]  # fmt: skip
    return out


def _columns(table: str) -> list[str]:
    return [f'"{c.name}"' for c in t.metadata.tables[table].columns]


def _quoted(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _exists(conn: Connection, role: str) -> bool:
    query = "SELECT 1 FROM pg_roles WHERE rolname = %(n)s"
    return conn.exec_driver_sql(query, {"n": role}).first() is not None


def roles_exist(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM pg_roles WHERE rolname = ANY(%(names)s)",
        {"names": list(ROLES.values())},
    ).scalar()
    return found == len(ROLES)


def apply_grants(conn: Connection) -> None:
    """Set the rights on the workspace's tables (after every migration, so a table added by
    a newer version gets its rights too)."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar()
    for statement in grant_statements(database):
        conn.exec_driver_sql(statement)
    for statement in sequence_repairs():
        conn.exec_driver_sql(statement)


def sequence_repairs() -> list[str]:
    """Move each id sequence past the highest id of its table where it is behind (ids written
    by hand before the clerks lost the right to: every next insert would collide)."""
    out = []
    for table in _all_tables():
        if _writes(table, ())["INSERT"] is None:
            continue
        out.append(
            f"SELECT setval(seq, top) FROM (SELECT pg_get_serial_sequence('{table}', 'id') "
            f"AS seq, (SELECT max(id) FROM {table}) AS top) AS s WHERE top IS NOT NULL "
            "AND top >= coalesce(pg_sequence_last_value(seq::regclass), 0)"
        )
    return out


def init_team_db(engine: Engine) -> list[str]:
    """Create the four group roles (when missing) and set their rights; what was created."""
    created = []
    with engine.begin() as conn:
        for role in ROLES.values():
            if not _exists(conn, role):
                conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
                created.append(role)
        apply_grants(conn)
    return created


def add_user(engine: Engine, name: str, role: str, password: str | None = None) -> None:
    """A clerk: a login role, member of the role asked for.  An admin agent may add clerks
    in turn (CREATEROLE, and the right to hand out the four roles)."""
    if role not in ROLES:
        raise RoleError(f"unknown role '{role}': expected one of {', '.join(ROLES)}")
    if not NAME.match(name):
        raise RoleError(
            f"'{name}' cannot be a database user name: lower-case letters, digits and _, "
            "starting with a letter (at most 63)"
        )
    with engine.begin() as conn:
        if not roles_exist(conn):
            raise RoleError("the team roles are missing: run 'csp-recon admin init-team-db' first")
        if _exists(conn, name):
            raise RoleError(f"the database user '{name}' exists already")
        options = "LOGIN" + (" CREATEROLE" if role == "admin-agent" else "")
        conn.exec_driver_sql(f"CREATE ROLE {name} {options}")
        if password:
            # the password goes as a bound value through the driver's own quoting
            quoted = conn.exec_driver_sql("SELECT quote_literal(%(p)s)", {"p": password}).scalar()
            conn.exec_driver_sql(f"ALTER ROLE {name} PASSWORD {quoted}")
        conn.exec_driver_sql(f"GRANT {ROLES[role]} TO {name}")
        if role == "admin-agent":
            conn.exec_driver_sql(f"GRANT {', '.join(ROLES.values())} TO {name} WITH ADMIN OPTION")


def clerks(engine: Engine) -> list[Clerk]:
    """The database users holding one of the four roles."""
    by_group = {v: k for k, v in ROLES.items()}
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members a "
            "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "WHERE g.rolname = ANY(%(names)s) ORDER BY m.rolname",
            {"names": list(ROLES.values())},
        ).fetchall()
    seen: dict[str, Clerk] = {}
    order = list(ROLES)
    for member, group, login in rows:
        role = by_group[group]
        # an admin agent holds every role (to hand them out): name the widest
        if member not in seen or order.index(role) < order.index(seen[member].role):
            seen[member] = Clerk(member, role, login)
    return list(seen.values())


def role_of(conn: Connection) -> str:
    """The connected user's role: one of ROLES, or "" (the owner, a superuser, or a workspace
    without team roles, who may do everything the server lets them)."""
    user_roles = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT g.rolname FROM pg_roles g WHERE pg_has_role(session_user, g.oid, 'MEMBER')"
        )
    }
    superuser = conn.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = session_user"
    ).scalar()
    owner = conn.exec_driver_sql(
        "SELECT pg_has_role(session_user, relowner, 'MEMBER') FROM pg_class "
        "WHERE relname = 'documents' AND relkind = 'r'"
    ).scalar()
    if superuser or owner:
        return ""
    for role, group in ROLES.items():
        if group in user_roles:
            return role
    return ""
