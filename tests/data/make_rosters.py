#!/usr/bin/env python3
"""Writes the synthetic member rosters (党员名册) the core, UI and browser tests import.

    /usr/bin/python3 tests/data/make_rosters.py OUTDIR

Python 3 standard library only. The output depends on nothing but this file: the same bytes on every
machine and Python version (own PRNG, no `random`, no clock). tests/data/README.md describes the files;
the tests cite the row numbers below for every count they assert.

Synthetic people only: names are drawn from common characters, ID numbers (公民身份号码) are made up
with real GB 11643 check digits, phone numbers are random. Any likeness is chance.

Files (in OUTDIR):
  roster-utf8-bom.csv  UTF-8 with BOM, CRLF, 120 clean rows, ISO dates (1986-12-13).
  roster-gbk.csv       GBK, CRLF, no BOM, the same 120 people in the same order, dates as 1986/12/13.
  roster-messy.csv     UTF-8 without BOM, LF, 60 people in 61 records (one blank row), with what real files
                       carry; see MESSY below for where each difficulty sits.

  roster-export-gbk.csv  GBK, CRLF, 40 people as a member-management system exports them: title, blank and
                       note rows above the header, other header names in another order, dates as months.
                       See EXPORT below.

Columns: 序号, 姓名, 性别, 民族, 出生日期, 公民身份号码, 学历, 人员类别, 入党日期, 所在党支部, 党内职务, 联系电话.
Branches (tests/core/test_helpers_org.h TestdataTown): 东湖村, 荷花村, 新街社区 (第一党总支, 一片);
龙虾湾村, 稻香村 (第二党总支, 二片); 镇财政所 (机关党总支, 二片).

CLEAN (roster-utf8-bom.csv, roster-gbk.csv), person i = 0..119 on row i + 2 (row 1 is the header):
  - branch BRANCHES[i % 6], place in branch k = i // 6: 20 people per branch;
  - 党内职务: k = 0 书记, k = 1 副书记, k = 2 委员, else empty: 6 + 6 + 6;
  - 预备党员 for k = 19 in every branch and k = 18 in the first five branches: 6 + 5 = 11, joined in 2017;
    everyone else 正式党员, joined at least 19 years after birth and before 2017;
  - pinned because tests name them: row 2 向明 420581198612133032, born 1986-12-13, 东湖村 书记, joined
    2017-12-01, 13994715010, 高中, 正式党员; row 4 夏华海 (the browser test filters by it); row 5 向敏强
    42058119470113694X (check character X, tests/core/test_idnumber.cpp).
  - all names GB2312 (the GBK file must hold them); no other name contains 向明 (tests filter by it).

MESSY (roster-messy.csv), person i = 0..59 on row i + 2 for i < 20 and row i + 3 from i = 20 on;
row 22 is a blank record (,,,,,,,,,,,):
  - branch BRANCHES[i % 6] (东湖村: i = 0, 6, ..., 54, ten people, none of them refused or multi-line);
  - date form of birth and join date by i % 5: 0 1956/10/1, 1 1952年2月8日, 2 1948.08.27,
    3 Excel day serial (34087 = 1993-04-28), 4 ISO 1969-08-12;
  - row 5 (i = 3) 何珺, born 1993-04-28 (serial 34087), joined 2017-12-01 (serial 43070);
    rows 2, 3, 4, 6 born 1956-10-01, 1952-02-08, 1948-08-27, 1969-08-12;
  - row 6 (i = 4) " 陆兰　": an ASCII space before, a full-width space (U+3000) after;
  - row 9 (i = 7) 阿不都·热合曼 with a middle dot U+00B7, 维吾尔族;
  - row 10 (i = 8) 魏杰凤 and row 11 (i = 9) the same person again, byte for byte;
  - row 13 (i = 11) 曹俊 420581195708237890: check digit 0 where 5 is right;
  - row 15 (i = 13) phone "+86 139 0000 1111";
  - row 17 (i = 15) 党内职务 "=1+1" (the only cell that draws a warning: an unknown post);
  - row 19 (i = 17) name 王"小"明, 二 (a quote and a comma, quoted as CSV wants), 420581194611066095;
  - row 24 (i = 21) 许燕, 学历 "大专\\n(函授)": the record spans lines 24-25, so row r > 24 is on line r + 1;
  - rare given names: 郭犇 row 23 (i = 20), 杜堃 row 40 (i = 37), 田犇 row 57 (i = 54), 何珺 row 5 (outside
    GB2312, inside GBK), 周𠮷 row 33 (i = 30, U+20BB7, outside the Basic Multilingual Plane), 龚䶮 row 48
    (i = 45, U+4DAE, outside GBK);
  - 预备党员 for k = i // 6 = 9 (the last of each branch, rows 57-62).
  So: 60 people, 59 different ID numbers; 58 import, 2 are refused (rows 11 and 13), 1 blank row is skipped.
  No messy person shares an ID number with a clean one: 120 + 58 = 178 people after importing all three.

EXPORT (roster-export-gbk.csv), person i = 0..39 on row i + 5:
  - row 1 the title "东湖镇党员花名册" (one cell, then empty cells), row 2 blank, row 3 the note
    "导出时间：2026年11月  共40人", row 4 the header EXPORT_HEADER (synonyms: *党员姓名, 性  别, 出生年月,
    身份证号码（18位）, 所在党组织, 入党时间, 人员类别, 学历学位, 手机号码, 现任职务; 民族 left out);
  - branch BRANCHES[i % 6]; all 正式党员; no posts but row 5 (i = 0) 书记;
  - 出生年月 a month alone, always 1968年3月 style (the ID number gives the day);
  - 入党时间 a month alone, by i % 5: 0 1996年6月, 1 1996-06, 2 1996.06, 3 199606, 4 1996/6;
  - row 5 (i = 0) 柳松 born 1968-03-05 (ID 420529196803051238), 入党时间 "1996年6月";
  - row 10 (i = 5) 入党时间 written "YYYY.1" (join month set to January): refused as possibly October;
  - row 11 (i = 6) join month October, written "YYYY.10" (form 1 of i % 5 = 1 is "-"; pinned to the dot form).
  So: 40 people, 39 import (into TestdataTown, new to it and to the other files), 1 refused (row 10).

Generated ID numbers use region 420529; core/demo/demo.cpp makes its town's numbers with 420581, so the
rosters' generated people are new to the demo town by construction (the pinned numbers were checked against
the demo town by the UI and browser tests, which import the GBK file into it and expect 120 new people).
Generated given names avoid the characters core/demo/demo.cpp draws given names from, so no generated person
has a demo member's name (the rating screens address members by name within a branch).
"""

import datetime
import os
import sys

BRANCHES = ["东湖村党支部", "荷花村党支部", "新街社区党支部", "龙虾湾村党支部", "稻香村党支部", "镇财政所党支部"]
HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "人员类别", "入党日期", "所在党支部",
          "党内职务", "联系电话"]
SURNAMES = ("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余"
            "潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟万段雷钱汤尹黎易常武乔贺赖龚向覃")
# None of core/demo/demo.cpp's kGiven (明 华 建 国 军 平 芳 娟 敏 静 丽 强 磊 洋 勇 艳 杰 涛 超 秀 霞 刚 桂 英 红 兰
# 春 海 波 燕 玲 文 斌 辉 德 林 清 志 成).
GIVEN = "伟婷琳浩宇鹏晨欣佳慧倩颖博凯毅峰雪梅蓉萍鑫昊睿琪晓丹莉凤俊荣亮飞云龙玉珍坤松彬义"
EXPORT_HEADER = ["序号", "*党员姓名", "性  别", "出生年月", "身份证号码（18位）", "所在党组织", "入党时间", "人员类别",
                 "学历学位", "手机号码", "现任职务"]
EXPORT_JOIN_FORMS = [lambda d: "%d年%d月" % (d.year, d.month), lambda d: "%04d-%02d" % (d.year, d.month),
                     lambda d: "%04d.%02d" % (d.year, d.month), lambda d: "%04d%02d" % (d.year, d.month),
                     lambda d: "%d/%d" % (d.year, d.month)]
EDUCATION = ["初中", "高中", "中专", "大专", "本科"]
REGION_GENERATED = "420529"
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 61 = 1900-03-01; the rosters hold no earlier dates


class Rng:
    """SplitMix64: the same sequence on every Python version (unlike `random`'s helpers)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def date(self, first, last):
        return first + datetime.timedelta(days=self.below((last - first).days + 1))


def check_character(first17):
    """GB 11643-1999 check character of the first 17 digits: sum of digit * weight mod 11 -> '10X98765432'."""
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def iso(d):
    return d.isoformat()


def slash(d):
    return "%d/%d/%d" % (d.year, d.month, d.day)


def chinese(d):
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def dotted(d):
    return "%04d.%02d.%02d" % (d.year, d.month, d.day)


def excel_serial(d):
    return str((d - EXCEL_EPOCH).days)


MESSY_DATE_FORMS = [slash, chinese, dotted, excel_serial, iso]


class Person:
    def __init__(self):
        self.name = ""
        self.sex = ""
        self.ethnicity = "汉族"
        self.birth = None
        self.id_number = ""
        self.education = ""
        self.probationary = False
        self.join = None
        self.branch = ""
        self.posts = ""
        self.phone = ""


class Town:
    """Draws people; ID numbers, names and phones stay unique across everything drawn from one Town."""

    def __init__(self, seed):
        self.rng = Rng(seed)
        self.ids = set()
        self.names = set()
        self.phones = set()

    def person(self, branch, probationary):
        r = self.rng
        p = Person()
        p.branch = branch
        p.probationary = probationary
        p.sex = "男" if r.below(100) < 62 else "女"
        p.ethnicity = "土家族" if r.below(8) == 0 else "汉族"
        p.education = r.pick(EDUCATION)
        while True:
            name = r.pick(SURNAMES) + r.pick(GIVEN) + (r.pick(GIVEN) if r.below(3) else "")
            if name not in self.names and "向明" not in name:
                break
        p.name = name
        self.names.add(name)
        p.birth = r.date(datetime.date(1940, 1, 1), datetime.date(1996, 12, 31))
        self.new_id(p, REGION_GENERATED)
        self.draw_join(p)
        while True:
            phone = "13%d%08d" % (r.below(10), r.below(100000000))
            if phone not in self.phones:
                break
        p.phone = phone
        self.phones.add(phone)
        return p

    def draw_join(self, p):
        """预备党员 joined within the year before 2018-03-21; others at least 19 years after birth, before 2017."""
        r = self.rng
        if p.probationary:
            p.join = r.date(datetime.date(2017, 3, 21), datetime.date(2017, 12, 31))
        else:
            year = min(2016, p.birth.year + r.between(19, 45))
            p.join = r.date(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def new_id(self, p, region):
        """A fresh ID number for p's birth date and sex (17th digit odd for men, even for women)."""
        while True:
            seq = self.rng.below(100)
            sex_digit = 2 * self.rng.below(5) + (1 if p.sex == "男" else 0)
            first17 = "%s%04d%02d%02d%02d%d" % (region, p.birth.year, p.birth.month, p.birth.day, seq, sex_digit)
            number = first17 + check_character(first17)
            if number not in self.ids:
                break
        self.ids.add(number)
        p.id_number = number

    def pin(self, p, name=None, id_number=None, birth=None, sex=None, **fields):
        """Overrides drawn fields with the ones a test names; keeps birth date, sex, ID number and join date
        consistent (a new birth date or sex draws a new ID number, a new birth date a new join date)."""
        old_birth = p.birth
        if name is not None:
            self.names.discard(p.name)
            p.name = name
            self.names.add(name.strip(" \u3000"))
        if id_number is not None:
            assert birth is None and sex is None, "the ID number gives birth date and sex"
            self.ids.discard(p.id_number)
            assert id_number not in self.ids, id_number
            self.ids.add(id_number)
            p.id_number = id_number
            p.birth = datetime.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
            p.sex = "男" if int(id_number[16]) % 2 else "女"
        elif birth is not None or sex is not None:
            self.ids.discard(p.id_number)
            p.birth = birth or p.birth
            p.sex = sex or p.sex
            self.new_id(p, REGION_GENERATED)
        for key, value in fields.items():
            assert hasattr(p, key), key
            setattr(p, key, value)
        if p.birth != old_birth and "join" not in fields:
            self.draw_join(p)
        if "phone" in fields:
            self.phones.add(fields["phone"])
        return p


def row_cells(n, p, date_form):
    return [str(n), p.name, p.sex, p.ethnicity, date_form(p.birth), p.id_number, p.education,
            "预备党员" if p.probationary else "正式党员", date_form(p.join), p.branch, p.posts, p.phone]


def csv_line(cells, eol):
    def quote(c):
        if any(ch in c for ch in ',"\r\n'):
            return '"' + c.replace('"', '""') + '"'
        return c
    return ",".join(quote(c) for c in cells) + eol


def clean_people(town):
    people = []
    for i in range(120):
        b, k = i % 6, i // 6
        p = town.person(BRANCHES[b], probationary=k == 19 or (k == 18 and b < 5))
        p.posts = {0: "书记", 1: "副书记", 2: "委员"}.get(k, "")
        people.append(p)
    # tests/core/test_roster_import.cpp, tests/ui/test_organization.cpp and tests/browser read row 2.
    town.pin(people[0], name="向明", id_number="420581198612133032", join=datetime.date(2017, 12, 1),
             education="高中", phone="13994715010", ethnicity="汉族", probationary=False)
    town.pin(people[2], name="夏华海")   # tests/browser/organization.test.mjs filters the table by it
    town.pin(people[3], name="向敏强", id_number="42058119470113694X")  # tests/core/test_idnumber.cpp
    return people


def messy_people(town):
    people = []
    for i in range(60):
        b, k = i % 6, i // 6
        p = town.person(BRANCHES[b], probationary=k == 9)
        p.posts = {0: "书记", 1: "副书记", 2: "委员"}.get(k, "")
        people.append(p)
    d = datetime.date
    town.pin(people[0], birth=d(1956, 10, 1))
    town.pin(people[1], birth=d(1952, 2, 8))
    town.pin(people[2], birth=d(1948, 8, 27))
    town.pin(people[3], name="何珺", birth=d(1993, 4, 28), sex="女", join=d(2017, 12, 1))
    town.pin(people[4], name=" 陆兰\u3000", birth=d(1969, 8, 12), sex="女")
    town.pin(people[7], name="阿不都·热合曼", sex="男", ethnicity="维吾尔族")
    town.pin(people[8], name="魏杰凤", sex="女")
    town.pin(people[11], name="曹俊", id_number="420581195708237890")  # right check digit: 5
    town.pin(people[13], phone="+86 139 0000 1111")
    town.pin(people[15], posts="=1+1")
    town.pin(people[17], name='王"小"明, 二', id_number="420581194611066095")
    town.pin(people[20], name="郭犇")
    town.pin(people[21], name="许燕", sex="女", education="大专\n(函授)")
    town.pin(people[30], name="周\U00020BB7")
    town.pin(people[37], name="杜堃")
    town.pin(people[45], name="龚\u4DAE")
    town.pin(people[54], name="田犇")
    # Row 11: row 10's person again (same cells, its own 序号).
    people[9] = people[8]
    return people


def export_people(town):
    people = []
    for i in range(40):
        p = town.person(BRANCHES[i % 6], probationary=False)
        p.posts = "书记" if i == 0 else ""
        people.append(p)
    d = datetime.date
    town.pin(people[0], name="柳松", id_number="420529196803051238", join=d(1996, 6, 18))
    town.pin(people[5], join=d(max(people[5].join.year, people[5].birth.year + 19), 1, 15))
    town.pin(people[6], join=d(max(people[6].join.year, people[6].birth.year + 19), 10, 9))
    return people


def export_rows(people):
    """The export-shaped file's records (EXPORT in the module doc)."""
    width = len(EXPORT_HEADER)
    lines = [csv_line(["东湖镇党员花名册"] + [""] * (width - 1), "\r\n"), csv_line([""] * width, "\r\n"),
             csv_line(["导出时间：2026年11月  共40人"] + [""] * (width - 1), "\r\n"), csv_line(EXPORT_HEADER, "\r\n")]
    for i, p in enumerate(people):
        join = EXPORT_JOIN_FORMS[i % 5](p.join)
        if i == 5:
            join = "%04d.1" % p.join.year
        if i == 6:
            join = "%04d.10" % p.join.year
        lines.append(csv_line([str(i + 1), p.name, p.sex, "%d年%d月" % (p.birth.year, p.birth.month), p.id_number,
                               p.branch, join, "正式党员", p.education, p.phone, p.posts], "\r\n"))
    return "".join(lines)


def _xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _fods_cell(value, kind="string"):
    """One cell of a flat ODS sheet: a string (ID numbers, phones: text), a float, or a month (a date cell whose
    format shows year and month only, as Excel/WPS hold 入党时间 typed as 1996年6月)."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if kind == "float":
        return '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (value, value)
    if kind == "month":
        return ('<table:table-cell table:style-name="ce_ym" office:value-type="date" office:date-value="%04d-%02d-01">'
                "<text:p>%d年%d月</text:p></table:table-cell>" % (value.year, value.month, value.year, value.month))
    return '<table:table-cell table:style-name="ce_txt" office:value-type="string"><text:p>%s</text:p></table:table-cell>' % _xml(value)


def export_fods(people):
    """roster-export-sheet.fods, the source LibreOffice turns into roster-export.xlsx / .xls (make_workbooks.py):
    sheet 党员花名册 as EXPORT (title row 1, blank row 2, note row 3, header row 4, person i on row i + 5), but
    出生年月 and 入党时间 are date cells shown as months (1996年6月; the join month of rows 10 and 11 is a date, so
    nothing is ambiguous: all 40 import), ID numbers and phones text cells, 序号 numbers; a second sheet 填表说明
    holds a note (a workbook with two sheets with content)."""
    rows = [[_fods_cell("东湖镇党员花名册")], [], [_fods_cell("导出时间：2026年11月  共40人")],
            [_fods_cell(h) for h in EXPORT_HEADER]]
    for i, p in enumerate(people):
        rows.append([_fods_cell(i + 1, "float"), _fods_cell(p.name), _fods_cell(p.sex), _fods_cell(p.birth, "month"),
                     _fods_cell(p.id_number), _fods_cell(p.branch), _fods_cell(p.join, "month"), _fods_cell("正式党员"),
                     _fods_cell(p.education), _fods_cell(p.phone), _fods_cell(p.posts)])
    def table(name, rows):
        body = "".join("<table:table-row>%s</table:table-row>" % ("".join(r) or "<table:table-cell/>") for r in rows)
        return '<table:table table:name="%s">%s</table:table>' % (name, body)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            "<office:styles>"
            '<number:date-style style:name="N_ym"><number:year number:style="long"/><number:text>年</number:text>'
            "<number:month/><number:text>月</number:text></number:date-style>"
            '<number:text-style style:name="N_txt"><number:text-content/></number:text-style>'
            "</office:styles><office:automatic-styles>"
            '<style:style style:name="ce_ym" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_ym"/>'
            '<style:style style:name="ce_txt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_txt"/>'
            "</office:automatic-styles><office:body><office:spreadsheet>"
            + table("党员花名册", rows)
            + table("填表说明", [[_fods_cell("入党时间只知年月时填写年月，如1996年6月。")]])
            + "</office:spreadsheet></office:body></office:document>\n")


def check(clean, messy):
    """The properties the tests count on, asserted here so a change to this file cannot break them silently."""
    good = lambda n: check_character(n[:17]) == n[17]
    assert check_character("42058119470113694") == "X"
    assert check_character("42058119570823789") == "5"
    for p in clean + messy:
        assert p.birth <= p.join, p.name
        adult = datetime.date(p.birth.year + 18, p.birth.month, min(p.birth.day, 28 if p.birth.month == 2 else 31))
        assert p.join >= adult, p.name
        assert (int(p.id_number[16]) % 2 == 1) == (p.sex == "男"), p.name
        assert p.id_number[6:14] == p.birth.strftime("%Y%m%d"), p.name
    assert all(good(p.id_number) for p in clean)
    assert [i for i, p in enumerate(messy) if not good(p.id_number)] == [11]
    assert len({p.id_number for p in clean}) == 120
    assert len({p.id_number for p in messy}) == 59
    assert not {p.id_number for p in clean} & {p.id_number for p in messy}
    assert sum(p.probationary for p in clean) == 11
    for post in ("书记", "副书记", "委员"):
        assert sum(p.posts == post for p in clean) == 6
    for b in BRANCHES:
        assert sum(p.branch == b for p in clean) == 20
    assert [p.name for p in clean].count("向明") == 1
    assert sum("向明" in p.name for p in clean + messy) == 1
    for p in clean:
        p.name.encode("gb2312")  # the GBK file holds every clean name
    outside_gb2312 = [p.name for p in messy if not _encodes(p.name, "gb2312")]
    assert len(outside_gb2312) >= 5, outside_gb2312
    assert sum(any(ord(c) > 0xFFFF for c in p.name) for p in messy) == 1
    imported_east = [i for i, p in enumerate(messy) if p.branch == BRANCHES[0] and i not in (9, 11)]
    assert len(imported_east) == 10 and all("\n" not in messy[i].education for i in imported_east)


def _encodes(text, encoding):
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make_rosters.py OUTDIR\n")
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    town = Town(seed=2018)
    clean = clean_people(town)
    messy = messy_people(town)
    check(clean, messy)
    export = export_people(town)
    assert not {p.id_number for p in export} & {p.id_number for p in clean + messy}
    assert len({p.id_number for p in export}) == 40
    for p in export:
        assert p.join.year >= p.birth.year + 19, p.name
        p.name.encode("gbk")
    assert export[5].join.month == 1 and export[6].join.month == 10

    utf8 = csv_line(HEADER, "\r\n") + "".join(csv_line(row_cells(i + 1, p, iso), "\r\n") for i, p in enumerate(clean))
    gbk = csv_line(HEADER, "\r\n") + "".join(csv_line(row_cells(i + 1, p, slash), "\r\n") for i, p in enumerate(clean))
    lines = [csv_line(HEADER, "\n")]
    for i, p in enumerate(messy):
        if i == 20:
            lines.append("," * (len(HEADER) - 1) + "\n")
        form = MESSY_DATE_FORMS[(8 if i == 9 else i) % 5]  # row 11 copies row 10 cell for cell
        lines.append(csv_line(row_cells(i + 1, p, form), "\n"))
    write(os.path.join(out, "roster-utf8-bom.csv"), b"\xEF\xBB\xBF" + utf8.encode("utf-8"))
    write(os.path.join(out, "roster-gbk.csv"), gbk.encode("gbk"))
    write(os.path.join(out, "roster-messy.csv"), "".join(lines).encode("utf-8"))
    write(os.path.join(out, "roster-export-gbk.csv"), export_rows(export).encode("gbk"))
    write(os.path.join(out, "roster-export-sheet.fods"), export_fods(export).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
