"""Tick boxes for tagging a record with themes: the cumulative harm factors in one labelled
group, the other themes (defaults and the organisation's own) in another.

Shared by the quick-capture dialog and the other-agency entry dialog. Space ticks, Tab moves on;
each box reads out its theme and, for a factor, that it is a cumulative harm factor. Also the
few-lines text field both dialogs use.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from assessments.themes import ThemeCatalogue
from ui.lived_wording import cumulative_harm_factors, theme_name, tr
from ui.widgets import named_text

COLUMNS = 2


def short_text(name: str, lines: int = 3) -> QPlainTextEdit:
    """A text field `lines` high (Tab moves on), for a sentence or two."""
    field = named_text(name)
    field.setFixedHeight(field.fontMetrics().lineSpacing() * lines + 12)
    return field


class ThemeChecks(QWidget):
    changed = Signal()

    def __init__(self, catalogue: ThemeCatalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Themes"))
        self.boxes: dict[str, QCheckBox] = {}
        factors = catalogue.cumulative_harm_factor_ids()
        factor_group = QGroupBox(cumulative_harm_factors())
        other_group = QGroupBox(tr("Other themes"))
        for group, theme_ids in (
            (factor_group, [t for t in catalogue.ids() if t in factors]),
            (other_group, [t for t in catalogue.ids() if t not in factors]),
        ):
            grid = QGridLayout(group)
            for n, theme_id in enumerate(theme_ids):
                box = QCheckBox(theme_name(catalogue, theme_id))
                description = catalogue.get(theme_id).description
                if theme_id in factors:
                    box.setAccessibleName(
                        tr("%1, a cumulative harm factor").replace(
                            "%1", theme_name(catalogue, theme_id)
                        )
                    )
                else:
                    box.setAccessibleName(theme_name(catalogue, theme_id))
                if description:
                    box.setToolTip(tr(description))
                box.toggled.connect(self.changed)
                grid.addWidget(box, n // COLUMNS, n % COLUMNS)
                self.boxes[theme_id] = box
            if not theme_ids:
                group.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(factor_group, 1)
        layout.addWidget(other_group, 1)

    def selected(self) -> tuple[str, ...]:
        """The ticked themes, in the catalogue's order."""
        return tuple(theme_id for theme_id, box in self.boxes.items() if box.isChecked())

    def set_selected(self, theme_ids: Iterable[str]) -> None:
        wanted = set(theme_ids)
        for theme_id, box in self.boxes.items():
            box.setChecked(theme_id in wanted)
