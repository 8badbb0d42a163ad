#!/usr/bin/env python3
"""Turns rosters written by make_rosters.py into Excel workbooks with LibreOffice (real office software, not the
code under test), for the .xlsx/.xls import tests.

    /usr/bin/python3 tests/data/make_workbooks.py OUTDIR      (after make_rosters.py OUTDIR)

Needs soffice (Debian libreoffice-calc-nogui, scripts/install-deps.sh). Each run uses its own LibreOffice profile
(-env:UserInstallation under a fresh temporary directory), so parallel runs do not collide.

Files (in OUTDIR):
  roster-export.xlsx, roster-export.xls ("MS Excel 97", BIFF8)  from roster-export-sheet.fods: sheet 党员花名册 =
      the EXPORT people of make_rosters.py (title row 1 东湖镇党员花名册, blank row 2, note row 3, header row 4,
      40 people on rows 5-44; 出生年月 and 入党时间 date cells formatted yyyy"年"m"月", ID numbers text), and a
      second sheet 填表说明 with one note. Row 5 柳松 420529196803051238 joined 1996年6月. All 40 import into
      TestdataTown.
  roster-clean.xlsx  roster-utf8-bom.csv through LibreOffice's CSV import with the ID column (6) and phone column
      (12) as text: the 120 clean people, 出生日期/入党日期 date cells (yyyy-mm-dd). All 120 import.
  roster-idnum.xlsx  the same CSV with every column "standard": the ID numbers become numbers (their last digits
      rounded away) except the 9 ending in X (向敏强's 42058119470113694X on row 5 among them), which stay text.
      111 rows refused, 9 import.
  roster-empty.xlsx  an empty file through the CSV import: a workbook whose one sheet (Sheet1) is empty.
"""

import os
import shutil
import subprocess
import sys
import tempfile

# LibreOffice CSV filter options: separator ',' (44), quote '"' (34), UTF-8 (76), from line 1, column formats
# (column/format pairs: 1 standard, 2 text), language zh-CN (2052).
CSV_TEXT_ID = "CSV:44,34,76,1,6/2/12/2,2052"
CSV_STANDARD = "CSV:44,34,76,1,,2052"


def convert(soffice, profile, src, target_name, out_dir, filter_to, infilter=None):
    """Converts `src` into OUTDIR/target_name (LibreOffice names its output after the input, so the input is
    copied under the target's stem first)."""
    with tempfile.TemporaryDirectory(prefix="zj-wb-") as work:
        stem = os.path.splitext(target_name)[0]
        copy = os.path.join(work, stem + os.path.splitext(src)[1])
        shutil.copyfile(src, copy)
        cmd = [soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore"]
        if infilter:
            cmd.append("--infilter=" + infilter)
        cmd += ["--convert-to", filter_to, "--outdir", work, copy]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        made = os.path.join(work, target_name)
        if not os.path.exists(made):
            raise SystemExit("make_workbooks: LibreOffice did not write %s" % target_name)
        shutil.move(made, os.path.join(out_dir, target_name + ".tmp"))
        os.replace(os.path.join(out_dir, target_name + ".tmp"), os.path.join(out_dir, target_name))


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make_workbooks.py OUTDIR\n")
        return 2
    out = os.path.abspath(argv[1])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.stderr.write("make_workbooks: soffice not found (Debian package libreoffice-calc-nogui)\n")
        return 1
    with tempfile.TemporaryDirectory(prefix="zj-lo-profile-") as prof:
        profile = "file://" + prof
        fods = os.path.join(out, "roster-export-sheet.fods")
        csv = os.path.join(out, "roster-utf8-bom.csv")
        convert(soffice, profile, fods, "roster-export.xlsx", out, "xlsx:Calc MS Excel 2007 XML")
        convert(soffice, profile, fods, "roster-export.xls", out, "xls:MS Excel 97")
        convert(soffice, profile, csv, "roster-clean.xlsx", out, "xlsx:Calc MS Excel 2007 XML", CSV_TEXT_ID)
        convert(soffice, profile, csv, "roster-idnum.xlsx", out, "xlsx:Calc MS Excel 2007 XML", CSV_STANDARD)
        empty = os.path.join(out, "roster-empty.csv")
        with open(empty, "wb"):
            pass
        convert(soffice, profile, empty, "roster-empty.xlsx", out, "xlsx:Calc MS Excel 2007 XML", CSV_STANDARD)
        os.remove(empty)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
