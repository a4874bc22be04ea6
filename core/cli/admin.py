"""The team and the workspace itself: ``admin`` (init-team-db, add-user, users), ``whoami``,
``migrate-workspace``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from core.cli.common import (
    EXIT_BUG,
    EXIT_OK,
    UsageError,
    command,
    dump,
    on_server,
    table,
    workspace_location,
    workspace_of,
)
from core.store.roles import DESCRIPTIONS, ROLES

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_migrate_workspace(sub) -> None:
    p = command(
        sub,
        "migrate-workspace",
        run_migrate_workspace,
        opens=False,
        help="copy a workspace to another engine (SQLite file ⇄ PostgreSQL), every "
        "table checked by checksum",
    )
    p.add_argument("source", type=workspace_location, metavar="SRC")
    p.add_argument("target", type=workspace_location, metavar="DST")
    p.add_argument("--json", action="store_true")


def add_admin(sub) -> None:
    p = sub.add_parser("admin", help="a team workspace's roles and clerks (PostgreSQL)")
    ad = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    a = command(
        ad,
        "init-team-db",
        run_init_team_db,
        opens=False,
        help="upgrade the schema, create the four roles (admin-agent, billing-admin, "
        "support-agent, sales) and set their rights (run by the database's owner; "
        "re-runnable)",
    )
    a.add_argument("--json", action="store_true")
    a = command(
        ad,
        "add-user",
        run_add_user,
        opens=False,
        help="add a clerk: a database user holding one role",
    )
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=tuple(ROLES))
    a.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new user's password from the first line of standard input "
        "(else no password: the server authenticates them otherwise)",
    )
    a = command(ad, "users", run_users, opens=False, help="the clerks and their roles")
    a.add_argument("--json", action="store_true")


def add_whoami(sub) -> None:
    p = command(sub, "whoami", run_whoami, help="who the workspace takes you for, and your role")
    p.add_argument("--json", action="store_true")


COMMANDS = {
    "migrate-workspace": add_migrate_workspace,
    "admin": add_admin,
    "whoami": add_whoami,
}


def run_migrate_workspace(args: argparse.Namespace) -> int:
    from core.errors import WorkspaceError
    from core.store.copy import NotEmpty, copy_workspace
    from core.workspace import Workspace

    if not on_server(args.source) and not args.source.exists():
        raise WorkspaceError(f"{args.source}: no such workspace")
    with Workspace(args.source, readonly=True) as src, Workspace(args.target) as dst:
        try:
            checks = copy_workspace(src.store, dst.store)
        except NotEmpty as exc:
            raise UsageError(str(exc)) from None
    same = all(c.same for c in checks)
    if args.json:
        dump(
            {
                "same": same,
                "tables": [
                    {
                        "table": c.table,
                        "rows": c.rows,
                        "source_sha256": c.source,
                        "copy_sha256": c.copy,
                        "same": c.same,
                    }
                    for c in checks
                ],
            }
        )
    else:
        table(
            ["table", "rows", "sha256", "same"],
            [[c.table, c.rows, c.source[:16], "yes" if c.same else "NO"] for c in checks],
            right=(1,),
        )
        print(
            f"copied {len(checks)} tables: "
            + ("every checksum matches" if same else "CHECKSUMS DIFFER")
        )
    return EXIT_OK if same else EXIT_BUG


def _team_db(args: argparse.Namespace) -> str:
    """The team workspace ``--db`` names (roles and clerks live on a server only)."""
    db = workspace_of(args)
    if not on_server(db):
        raise UsageError(
            f"{db}: roles and clerks belong to a team workspace "
            "(--db postgresql+psycopg://USER@HOST:PORT/DBNAME); a file has one clerk"
        )
    return str(db)


def run_init_team_db(args: argparse.Namespace) -> int:
    from core.store import roles
    from core.workspace import Workspace

    db = _team_db(args)
    with Workspace(db) as ws:  # opened for writing: the schema is brought up to date
        created = roles.init_team_db(ws.store.engine)
    if args.json:
        dump(
            {
                "created": created,
                "roles": {k: {"group": v, "may": DESCRIPTIONS[k]} for k, v in ROLES.items()},
            }
        )
    else:
        for role, group in ROLES.items():
            new = " (created)" if group in created else ""
            print(f"{role:<14} {group:<18} {DESCRIPTIONS[role]}{new}")
        print("rights set on every table; add clerks with 'csp-recon admin add-user'")
    return EXIT_OK


def run_add_user(args: argparse.Namespace) -> int:
    from core.store import roles
    from core.workspace import Workspace

    db = _team_db(args)
    with Workspace(db, readonly=True) as ws:
        password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
        roles.add_user(ws.store.engine, args.name, args.role, password or None)
    print(f"added {args.name} as {args.role}: {DESCRIPTIONS[args.role]}")
    return EXIT_OK


def run_users(args: argparse.Namespace) -> int:
    from core.store import roles
    from core.workspace import Workspace

    db = _team_db(args)
    with Workspace(db, readonly=True) as ws:
        found = roles.clerks(ws.store.engine)
    if args.json:
        dump([{"name": c.name, "role": c.role, "can_login": c.can_login} for c in found])
    else:
        table(["user", "role", "may"], [[c.name, c.role, DESCRIPTIONS[c.role]] for c in found])
    return EXIT_OK


def run_whoami(ws: Workspace, args: argparse.Namespace) -> int:
    role = ws.role or ("owner" if ws.url else "")
    out = {
        "user": ws.user,
        "role": role,
        "workspace": ws.where,
        "may": DESCRIPTIONS.get(ws.role, "everything"),
    }
    if args.json:
        dump(out)
    else:
        print(f"{out['user']} ({role or 'single clerk'}): {out['may']} — {out['workspace']}")
    return EXIT_OK
