"""Every importer against damaged copies of real-shaped files: truncated, bytes flipped, line
endings changed, blocks duplicated.  The command line either imports (exit 0) or refuses
naming the file (exit 2) — never a bug (exit 1), never half an import, in well under 30 s."""

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from core.demo import write_demo
from tests.bankfiles import cfonb120, mt940

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT.parent.parent / "shared" / "samples"


def _samples(tmp: Path) -> dict[str, bytes]:
    """One file of each format, as the importers meet them."""
    found = {p.name: p.read_bytes() for folder in ("bank", "camt", "mt940", "ofx")
             for p in sorted((ROOT / "data" / folder).glob("*")) if p.is_file()}  # fmt: skip
    found["pc_get_invoices_response.json"] = (ROOT / "data" / "pc_get_invoices_response.json"
                                              ).read_bytes()  # fmt: skip
    for p in sorted(SAMPLES.glob("*/*")):
        if p.suffix in (".json", ".xml", ".cfo"):
            found[p.name] = p.read_bytes()
    demo = write_demo(tmp / "demo")
    for p in demo.parent.iterdir():
        if p.suffix in (".json", ".csv"):
            found[f"demo-{p.name}"] = p.read_bytes()
    found["stmt.sta"] = mt940(tmp / "stmt.sta").read_bytes()
    found["stmt.cfo"] = cfonb120(tmp / "stmt.cfo").read_bytes()
    return found


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[str, bytes]:
    return _samples(tmp_path_factory.mktemp("samples"))


def damage(data: bytes, how: str, at: float, byte: int) -> bytes:
    """One way real downloads get damaged."""
    if not data:
        return data
    k = int(at * len(data))
    if how == "truncate":
        return data[:k]
    if how == "flip":
        return data[:k] + bytes([byte]) + data[k + 1 :]
    if how == "cr-only":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    if how == "lf-only":
        return data.replace(b"\r\n", b"\n")
    if how == "duplicate":
        end = min(len(data), k + 200)
        return data[:end] + data[k:end] + data[end:]
    return data[:k] + b"\x00" + data[k:]  # "nul"


def test_the_samples_are_there(samples):
    assert len(samples) >= 20


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_damaged_files_are_imported_or_refused_never_a_bug(samples, tmp_path_factory, data):
    name = data.draw(st.sampled_from(sorted(samples)))
    how = data.draw(st.sampled_from(["truncate", "flip", "cr-only", "lf-only", "duplicate",
                                     "nul"]))  # fmt: skip
    damaged = damage(samples[name], how, data.draw(st.floats(0, 1)),
                     data.draw(st.integers(0, 255)))  # fmt: skip
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / name
    path.write_bytes(damaged)
    db = folder / "w.db"
    started = time.perf_counter()
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), "import", str(path), "--json"])
    assert time.perf_counter() - started < 30, (name, how)
    assert code in (0, 2), (name, how, err.getvalue()[-2000:])
    if code == 2:
        lines = [ln for ln in err.getvalue().splitlines() if ln.strip()]
        assert lines and all(str(path) in ln or name in ln for ln in lines), (name, how, lines)
        assert "Traceback" not in err.getvalue()
        with contextlib.redirect_stdout(io.StringIO()) as listed:
            assert main(["--db", str(db), "payments", "--json"]) in (0, 2)
        text = listed.getvalue().strip()
        assert text in ("", "[]"), (name, how)  # nothing half-imported
    else:
        assert json.loads(out.getvalue())["failed"] == []
