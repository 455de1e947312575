"""The coding sheet's use cases: export a project's work (`export`), fill the sheet's tables from
the store (`tables`, `picks`) and read an edited sheet back as undoable edits (`readback`). The
file formats themselves are `annotator.io`'s (`sheet_export`, `stats_export`, `sheet_import`).
"""
