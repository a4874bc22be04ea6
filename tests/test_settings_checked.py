"""Every setting is checked before it is stored: an unknown key or a value the program could
not read later is refused naming the setting, so that no later import fails on it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert

from core.errors import ImportFailed
from core.store import schema as t

STATEMENT = "Date;Libellé;Débit;Crédit\n10/03/2026;VIR MICROSOFT G000000001;100,00;\n"


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("term_dayz", "30", "csp-recon: unknown setting 'term_dayz': did you mean term_days?"),
        ("payee_names", '["a"', "csp-recon: payee_names: expected a JSON list of names such "
         "as [\"MICROSOFT\"], got '[\"a\"'"),
        ("payee_ibans", "notjson", "csp-recon: payee_ibans: expected a JSON list of IBANs such "
         "as [\"IE29AIBK93115212345678\"], got 'notjson'"),
        ("payee_names", '{"a": 1}', "csp-recon: payee_names: expected a JSON list of names "
         "such as [\"MICROSOFT\"], got '{\"a\": 1}'"),
        ("holidays", "[2026", "csp-recon: holidays: expected dates YYYY-MM-DD, got '[2026'"),
        ("company_name", "Nuage\tConseil", "csp-recon: company_name: expected printable text "
         "on one line, got the character U+0009"),
        ("company_name", "Nuage\u202eConseil", "csp-recon: company_name: expected printable "
         "text on one line, got the character U+202E"),
        ("company_name", "N" * 141, "csp-recon: company_name: expected at most 140 "
         "characters, got 141"),
        ("layout:0123456789abcdef", "{}", "csp-recon: layout:0123456789abcdef: expected a "
         "column mapping (csp-recon map FILE KIND FIELD=HEADER...), got something else"),
    ],
)  # fmt: skip
def test_a_setting_the_program_could_not_read_is_refused(cli, key, value, said):
    code, out, err = cli("set", key, value)
    assert (code, out, err.splitlines()) == (2, "", [said])
    code, out, _ = cli("settings", "--json")
    assert key not in json.loads(out)


def test_a_payee_iban_list_is_stored_compact_and_statements_use_it(cli, write_text):
    code, out, err = cli("set", "payee_ibans", '["IE29 AIBK 9311 5212 3456 78"]')
    assert (code, out) == (0, 'payee_ibans = ["IE29AIBK93115212345678"]\n'), err
    code, out, err = cli("set", "payee_ibans", '["IE29AIBK93115212345679"]')
    assert code == 2 and err.startswith("csp-recon: payee_ibans: 'IE29AIBK93115212345679' is "
                                        "not a valid IBAN")  # fmt: skip


def test_a_bad_list_stored_by_an_older_version_refuses_imports_naming_the_setting(ws, write_text):
    with ws.store.change() as conn:  # as a version that did not check settings stored it
        conn.execute(insert(t.settings).values(key="payee_names", value='["a"'))
    path = write_text("releve.csv", STATEMENT)
    with pytest.raises(ImportFailed) as failed:
        ws.imports.import_file(path)
    assert [str(e) for e in failed.value.errors] == [
        f"{path}: the workspace's setting payee_names: expected a JSON list of names such as "
        '["MICROSOFT"], got \'["a"\' (correct it in Preferences, or: csp-recon set '
        "payee_names '[...]')"
    ]
    ws.settings.set("payee_names", '["Contoso"]')
    ws.imports.import_file(path)
    assert [str(p.amount) for p in ws.books.payments()] == ["100.00"]


def test_the_backup_settings_are_checked_and_kept(cli):
    assert cli("set", "backup_keep", " 25 ")[:2] == (0, "backup_keep = 25\n")
    code, _out, err = cli("set", "backup_keep", "0")
    assert (code, err) == (2, "csp-recon: backup_keep: expected a number of backups from 1 to "
                              "1000, got '0'\n")  # fmt: skip
    assert cli("set", "backup_folder", "/srv/copies")[:2] == (0, "backup_folder = /srv/copies\n")
