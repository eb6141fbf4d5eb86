"""Word documents (.docx) with python-docx: paragraphs and table cells in document order, one per line."""

from __future__ import annotations

import zipfile
from pathlib import Path

from quote_desk.errors import InputError


def docx_to_text(path: Path) -> tuple[str, str | None]:
    """(text, title from the document properties)."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
    except Exception as exc:  # missing, or an install without its templates (a frozen app)
        raise InputError(f"{path}: reading Word documents needs python-docx, which cannot be loaded ({exc})") from None

    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise InputError(f"{path}: not a Word document (.docx); it is not a Word package") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a Word document (.docx) or a damaged one ({exc})") from None
    except Exception as exc:  # lxml parse errors inside a damaged package
        raise InputError(f"{path}: the Word document cannot be read ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    text = "\n".join(lines)
    title = (document.core_properties.title or "").strip() or None
    return text, title
