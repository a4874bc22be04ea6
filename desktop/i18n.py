"""The interface language: English, or French from the bundled Qt Linguist translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = {"en": "English", "fr": "Français"}


def chosen_language() -> str:
    """The language set in the preferences, else the system's (French or English)."""
    saved = QSettings("CSP Reconciler", "CSP Reconciler").value("language", "")
    if saved in LANGUAGES:
        return str(saved)
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def save_language(language: str) -> None:
    QSettings("CSP Reconciler", "CSP Reconciler").setValue("language", language)


def locale_for(language: str) -> QLocale:
    """The system's locale when it speaks ``language`` (keeping its region: fr_BE, en_GB),
    else the language's main one."""
    system = QLocale.system()
    if QLocale(language).language() == system.language():
        return system
    return QLocale(language)


_installed: dict[str, object] = {"language": "en", "translator": None, "qt": None}


def current_language() -> str:
    return str(_installed["language"])


def uninstall(app) -> None:
    """Take the installed translations out (the program's and Qt's own): English again,
    numbers, dates and the core's sentences included."""
    for kind in ("translator", "qt"):
        if _installed[kind] is not None:
            app.removeTranslator(_installed[kind])
            _installed[kind] = None
    _installed["language"] = "en"
    QLocale.setDefault(locale_for("en"))


def switch(app, language: str) -> None:
    """Change the interface language now (widgets built afterwards speak it) and keep the
    choice for the next start."""
    uninstall(app)
    install(app, language)
    save_language(language)
    for window in app.topLevelWidgets():  # a widget keeps the locale it was made with
        window.setLocale(QLocale())  # (calendars: month names, the week's first day)


def install(app, language: str) -> QTranslator | None:
    """Load the translation of ``language`` into ``app`` (English needs none) and show
    numbers and dates the way that language's locale writes them."""
    QLocale.setDefault(locale_for(language))
    _installed.update(language=language, translator=None, qt=None)
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"csp_reconciler_{language}.qm")):
        _installed["language"] = "en"
        return None
    app.installTranslator(translator)
    _installed["translator"] = translator
    # Qt's own words (the standard buttons: Close, Cancel, Yes...) from its bundled translation
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed["qt"] = qt
    return translator
