"""The article list: a table model over the project's articles with this coder's status,
a filter/search proxy, and the coder's progress (n of N done)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Article
from annotator.gui import plain
from annotator.gui.columns import fit_columns, text_width
from annotator.gui.rows_model import RowsTableModel

STATUS_LABELS = {"not_started": "not started", "in_progress": "in progress", "done": "done"}
STATUS_COLOURS = {"not_started": "#777777", "in_progress": "#A05A00", "done": "#1B7F3B"}
COLUMNS = ("Title", "Outlet", "Date", "Status", "Claims")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def article_sort_key(a: Article) -> str:
    """Oldest first, undated last, then by title ignoring case (and the id as a tiebreak)."""
    return f"{'0' + a.date if a.date else '1'}\x00{(a.title or '').casefold()}\x00{a.ext_id}"


@dataclass(frozen=True)
class ArticleRow:
    article: Article
    status: str
    claims: int


class ArticleListModel(RowsTableModel):
    COLUMNS = COLUMNS

    def set_rows(self, rows: list[ArticleRow]) -> None:
        if [r.article.id for r in rows] == [r.article.id for r in self.rows]:
            self.rows = rows  # same articles: only counts and statuses changed
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1,
                                                                   len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, col = self.rows[index.row()], index.column()
        a = r.article
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role == SORT_ROLE:
            if col in (0, 2):  # the title column shows the date too: date, then title
                return article_sort_key(a)
            if col == 1:
                return f"{a.outlet.casefold()}\x00{article_sort_key(a)}"
            return (r.status, r.claims)[col - 3] if col >= 3 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:  # outlet and date on a second line: the panel is narrow
                blind = "blind" if a.require_blind else ""  # suggestions hidden: say so
                meta = plain.joined(a.outlet, a.date, blind)
                return f"{a.title or a.ext_id}\n{meta}" if meta else a.title or a.ext_id
            return (None, a.outlet, a.date, STATUS_LABELS.get(r.status, r.status), r.claims)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QColor(STATUS_COLOURS.get(r.status, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            blind = "suggestions hidden (blind coding)" if a.require_blind else ""
            return plain.tip(f"{a.title or a.ext_id}\n" + plain.joined(
                a.outlet, a.date, f"id {a.ext_id}" if a.ext_id else "", blind))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.article.id == article_id), -1)


class ArticleFilter(QSortFilterProxyModel):
    """Search in title, outlet, date and id; filter on this coder's status."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = ""
        self.status = ""

    def set_filter(self, search: str, status: str) -> None:
        self.beginFilterChange()
        self.search, self.status = search.strip().lower(), status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        r = model.rows[row]
        if self.status and r.status != self.status:
            return False
        a = r.article
        hay = f"{a.title} {a.outlet} {a.date} {a.ext_id}".lower()
        return all(word in hay for word in self.search.split())


class ArticleListPanel(QWidget):
    articleSelected = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilter(self)
        self._syncing = False
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(placeholderText="Search title, outlet, date…")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("All", "")
        for code, label in STATUS_LABELS.items():
            self.status.addItem(label.capitalize(), code)
        self.table = QTableView()
        self.proxy.setSortRole(SORT_ROLE)
        self.table.setModel(self.proxy)
        # Qt's header starts at "descending": sort by date and title, ascending, from the start
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.fit_columns()
        self.table.setColumnHidden(1, True)  # outlet and date show under the title
        self.table.setColumnHidden(2, True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.progress_label = plain.label()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self._layout()
        self.search.textChanged.connect(self._refilter)
        self.status.currentIndexChanged.connect(self._refilter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def fit_columns(self) -> None:
        """Status and Claims as wide as their words and numbers, the title the rest (wrapped,
        elided): at 1366x768 and with a large desktop font the status is never cut."""
        fit_columns(self.table, 0, {
            3: text_width(self.table, STATUS_LABELS.values(), COLUMNS[3]),
            4: text_width(self.table, ["9999"], COLUMNS[4])})
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.progress_label)
        box.addWidget(self.progress)

    def _refilter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.status.currentData() or "")

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._syncing:
            aid = self.proxy.index(current.row(), 0).data(Qt.ItemDataRole.UserRole)
            self.articleSelected.emit(int(aid))

    def set_rows(self, rows: list[ArticleRow]) -> None:
        cur = self.table.currentIndex()
        open_id = cur.data(Qt.ItemDataRole.UserRole) if cur.isValid() else None
        self.model.set_rows(rows)
        if open_id is not None:  # a reset (after an import) must not lose the open article
            self.select_article(int(open_id))
        done = sum(1 for r in rows if r.status == "done")
        self.progress_label.setText(f"{done} of {len(rows)} articles done")
        self.progress.setRange(0, max(1, len(rows)))
        self.progress.setValue(done)

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and index != self.table.currentIndex():
            self._syncing = True  # showing the open article, not opening it again
            try:
                self.table.setCurrentIndex(index)
            finally:
                self._syncing = False
            self.table.scrollTo(index)

    def step(self, delta: int) -> None:
        """Move to the next or previous article in the list as shown."""
        cur = self.table.currentIndex()
        row = (cur.row() if cur.isValid() else -1) + delta
        if 0 <= row < self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(row, 0))
