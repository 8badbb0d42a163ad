// Zhengjian: reads a picked .xlsx/.xls roster in the browser with SheetJS Community Edition (npm @e965/xlsx,
// pinned in web/package-lock.json; its xlsx.core.min.js build: XLSX and BIFF8 .xls, no codepage tables). Like
// jsQR (web/qr.js) it is loaded only on first use: inlined gzip+base64 into the single file
// (window.ZJ_INLINE.xlsx), a separate sheetjs.js file in dist/web.
// web/glue.js calls toWorkbookJson(bytes) for a file picked with an accept list naming .xlsx; the result goes to
// the app as the picked file's bytes, parsed by core ParseRosterWorkbookJson (core/org/roster_import.h):
//   {"zjWorkbook":1,"sheets":[{"name","rows":[{"r":row,"c":[[kind,text]|null,...]}]}]}  kind t text, n number,
//   d date (YYYY-MM-DD, or YYYY-MM when the cell's format shows only year and month); or {"zjWorkbook":1,"error":
//   "encrypted"|"corrupt"|"biff5"|"load","detail"}.
//   window.zjXlsx = { isWorkbook(name, bytes), toWorkbookJson(bytes, name) -> Promise<string>, load() }
'use strict';
(function () {
  // SheetJS, loaded on first use (web/glue.js zjLoadLibrary); its build sets window.XLSX.
  const load = () => window.zjLoadLibrary('xlsx', 'sheetjs.js', () => (window.XLSX && window.XLSX.read ? window.XLSX : null));

  /** True for an .xlsx/.xls file, by its first bytes (zip, OLE compound file) or its name. */
  function isWorkbook(name, bytes) {
    const b = bytes || new Uint8Array(0);
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4B && b[2] === 0x03 && b[3] === 0x04) return true;
    if (b.length >= 8 && b[0] === 0xD0 && b[1] === 0xCF && b[2] === 0x11 && b[3] === 0xE0) return true;
    return /\.(xlsx|xlsm|xls)$/i.test(name || '');
  }

  // A date format showing year and month but no day (yyyy"年"m"月", yyyy-mm, mmm yyyy): literals, colours and
  // locales removed first.
  function monthOnly(fmt) {
    const f = String(fmt || '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').toLowerCase();
    return /y/.test(f) && /m/.test(f) && !/d/.test(f) && !/[hs]/.test(f);
  }
  const pad = (n, w) => String(n).padStart(w, '0');

  function cellOf(X, c, date1904) {
    if (!c || c.v === undefined || c.v === null || c.t === 'z' || c.t === 'e') return null;
    if (c.t === 's' || c.t === 'str') return ['t', String(c.v)];
    if (c.t === 'b') return ['t', c.w != null ? String(c.w) : (c.v ? 'TRUE' : 'FALSE')];
    if (c.t === 'd' && c.v instanceof Date) {
      const d = c.v;
      return ['d', monthOnly(c.z) ? d.getFullYear() + '-' + pad(d.getMonth() + 1, 2)
                                   : d.getFullYear() + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2)];
    }
    if (c.t === 'n') {
      const v = Number(c.v);
      if (c.z && X.SSF.is_date(c.z)) {
        const p = X.SSF.parse_date_code(v, { date1904 });
        if (p && p.y > 0) return ['d', monthOnly(c.z) ? pad(p.y, 4) + '-' + pad(p.m, 2) : pad(p.y, 4) + '-' + pad(p.m, 2) + '-' + pad(p.d, 2)];
      }
      // Integers in full (a phone number in a General cell); else what the sheet shows.
      if (Number.isInteger(v) && Math.abs(v) < 1e15) return ['n', String(v)];
      return ['n', c.w != null ? String(c.w) : String(v)];
    }
    return ['t', c.w != null ? String(c.w) : String(c.v)];
  }

  async function toWorkbookJson(bytes, name) {
    const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4B && bytes[2] === 0x03 && bytes[3] === 0x04;
    const ole = bytes.length >= 8 && bytes[0] === 0xD0 && bytes[1] === 0xCF && bytes[2] === 0x11 && bytes[3] === 0xE0;
    // An .xlsx is a zip (or, encrypted, an OLE file): anything else named so is damaged, not text to guess at.
    if (/\.(xlsx|xlsm)$/i.test(name || '') && !zip && !ole)
      return JSON.stringify({ zjWorkbook: 1, error: 'corrupt', detail: 'not a zip file' });
    let X;
    try { X = await load(); } catch (e) {
      return JSON.stringify({ zjWorkbook: 1, error: 'load', detail: String(e && e.message || e) });
    }
    try {
      if (ole) {
        // An OLE file: an encrypted .xlsx, a BIFF8 .xls (stream "Workbook") or an Excel 5.0/95 one ("Book", whose
        // text needs codepage tables this build leaves out: refused rather than read as garbled names).
        const cfb = X.CFB.read(bytes, { type: 'array' });
        if (X.CFB.find(cfb, 'EncryptedPackage')) return JSON.stringify({ zjWorkbook: 1, error: 'encrypted', detail: '' });
        if (!X.CFB.find(cfb, 'Workbook') && X.CFB.find(cfb, 'Book')) return JSON.stringify({ zjWorkbook: 1, error: 'biff5', detail: '' });
      }
      const wb = X.read(bytes, { type: 'array', cellNF: true, cellFormula: false, cellHTML: false, cellText: true, dense: false });
      const date1904 = !!(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
      const sheets = wb.SheetNames.map((name) => {
        const ws = wb.Sheets[name];
        // Only the cells the sheet holds (a <dimension> can claim a whole column's million rows when a format was
        // applied to it): grouped by row, in order, each row from column A to its last non-blank cell.
        const byRow = new Map();
        for (const key of Object.keys(ws || {})) {
          if (key[0] === '!') continue;
          const v = cellOf(X, ws[key], date1904);
          if (!v || v[1].trim() === '') continue;
          const a = X.utils.decode_cell(key);
          if (!byRow.has(a.r)) byRow.set(a.r, []);
          byRow.get(a.r)[a.c] = v;
        }
        const rows = [...byRow.keys()].sort((a, b) => a - b).map((r) => {
          const cells = byRow.get(r);
          return { r: r + 1, c: Array.from(cells, (v) => v || null) };
        });
        return { name, rows };
      });
      return JSON.stringify({ zjWorkbook: 1, sheets });
    } catch (e) {
      const msg = String(e && e.message || e);
      const kind = /password-protected/i.test(msg) ? 'encrypted' : 'corrupt';
      return JSON.stringify({ zjWorkbook: 1, error: kind, detail: msg.slice(0, 200) });
    }
  }

  window.zjXlsx = { isWorkbook, toWorkbookJson, load };
})();
