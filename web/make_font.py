#!/usr/bin/python3
"""Subsets the embedded UI font: WenQuanYi Micro Hei (Debian fonts-wqy-microhei) cut to GB2312,
ASCII, Latin-1 and common CJK punctuation, plus every character of the extra text files given.
Characters outside the subset (rare name characters such as 䶮 or 𠮷) are drawn by the Canvas2D
fallback loader from the system's fonts (shell/fonts.cpp, web/glue.js).

usage: make_font.py OUT.ttf [extra.txt ...]
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

SRC = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    out = sys.argv[1]
    chars = gb2312_chars()
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0xA0, 0x100))
    chars.update(chr(c) for c in range(0x2010, 0x2070))   # dashes, quotes, ellipsis, ‰ ...
    chars.update(chr(c) for c in range(0x3000, 0x3040))   # CJK punctuation
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
    chars.update("★☆✓✗△▲▼↑↓←→●○■□◆◇")
    for extra in sys.argv[2:]:
        with open(extra, encoding="utf-8") as f:
            chars.update(ch for ch in f.read() if ord(ch) >= 0x20)
    font = TTCollection(SRC).fonts[0]
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opts.hinting = False
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(font)
    font.save(out)
    cmap = font.getBestCmap()
    print(f"[font] {out}: {len(cmap)} code points, {sum(1 for c in chars if ord(c) in cmap)}/{len(chars)} requested")


if __name__ == "__main__":
    main()
