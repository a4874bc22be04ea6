"""The interface language: English, or French from the bundled Qt Linguist translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTranslator

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


_installed: dict[str, object] = {"language": "en", "translator": None}


def current_language() -> str:
    return str(_installed["language"])


def switch(app, language: str) -> None:
    """Change the interface language now (widgets built afterwards speak it) and keep the
    choice for the next start."""
    if _installed["translator"] is not None:
        app.removeTranslator(_installed["translator"])
    install(app, language)
    save_language(language)


# The French of the window's texts about a workspace file's backups and health, until they
# join csp_reconciler_fr.ts (resources/translations/build.py): asked when the .qm has none.
FRENCH = {
    "&Backups…": "&Sauvegardes…",
    "The copies kept of this workspace file; put one back": "Les copies gardées de ce fichier d'espace de travail ; en remettre une",  # noqa: E501
    "the file was deleted or moved": "le fichier a été supprimé ou déplacé",
    "the file or its folder is read-only": "le fichier ou son dossier est en lecture seule",
    "%s was deleted or moved by another program. What you see is what it held when it was last read; nothing more can be saved to it. Restore a backup (File > Backups…) or open another workspace.": "%s a été supprimé ou déplacé par un autre programme. Ce qui est affiché est ce qu'il contenait à la dernière lecture ; plus rien ne peut y être enregistré. Restaurez une sauvegarde (Fichier > Sauvegardes…) ou ouvrez un autre espace de travail.",  # noqa: E501
    "%s was replaced by another program: opened again, as it is now": "%s a été remplacé par un autre programme : rouvert, tel qu'il est maintenant",  # noqa: E501
    "Restored %s from %s.": "%s restauré depuis %s.",
    "The file it replaced is kept as %s.": "Le fichier remplacé est gardé sous le nom %s.",
    "The workspace could not be read or changed: an unexpected database error (the details are in the log). Nothing was changed.": "L'espace de travail n'a pas pu être lu ou modifié : une erreur de base de données inattendue (les détails sont dans le journal). Rien n'a été modifié.",  # noqa: E501
    "before an import": "avant un import",
    "first change of the day": "première modification du jour",
    "before a restore": "avant une restauration",
    "asked for": "demandée",
    "%s KB": "%s Ko",
    "Backups": "Sauvegardes",
    "Time": "Heure",
    "Reason": "Motif",
    "Size": "Taille",
    "File": "Fichier",
    "&Restore…": "&Restaurer…",
    "%n backup(s) in %s, newest first. They are taken before each import and on the first change of a day.": "%n sauvegarde(s) dans %s, la plus récente d'abord. Elles sont faites avant chaque import et à la première modification du jour.",  # noqa: E501
    "No backups yet: they go to %s, before each import and on the first change of a day.": "Pas encore de sauvegarde : elles iront dans %s, avant chaque import et à la première modification du jour.",  # noqa: E501
    "Restore a backup": "Restaurer une sauvegarde",
    "Put the backup of %s in place of the workspace? The current file is kept among the backups first.": "Remettre la sauvegarde du %s à la place de l'espace de travail ? Le fichier actuel est d'abord gardé parmi les sauvegardes.",  # noqa: E501
}


class _Translator(QTranslator):
    """The bundled translation, and :data:`FRENCH` for the texts it does not have yet."""

    def translate(self, context, source, disambiguation=None, n=-1):
        found = super().translate(context, source, disambiguation, n)
        if found:
            return found
        # None, never "": an empty text would be shown instead of the English
        return FRENCH.get(source) if self.language == "fr" else None


def install(app, language: str) -> QTranslator | None:
    """Load the translation of ``language`` into ``app`` (English needs none) and show
    numbers and dates the way that language's locale writes them."""
    QLocale.setDefault(locale_for(language))
    _installed.update(language=language, translator=None)
    if language == "en":
        return None
    translator = _Translator(app)
    translator.language = language
    if not translator.load(str(TRANSLATIONS / f"csp_reconciler_{language}.qm")):
        _installed["language"] = "en"
        return None
    app.installTranslator(translator)
    _installed["translator"] = translator
    return translator
