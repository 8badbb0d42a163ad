#!/usr/bin/env python3
"""Draws the app's icons (installable web app): the white 建 on the red rounded square of the
favicon, as PNG files for the web app manifest and iOS. Uses Debian's python3-pil and a CJK font from
Debian's fonts (scripts/install-deps.sh installs both).

usage: make_icons.py OUT_DIR   -> icon-192.png icon-512.png icon-maskable-512.png apple-touch-icon.png
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFont

RED = (196, 30, 36, 255)
FONTS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
]


def font(size):
    for f in FONTS:
        if os.path.exists(f):
            return ImageFont.truetype(f, size)
    sys.exit("make_icons.py: no CJK font found (" + ", ".join(FONTS) + "): run scripts/install-deps.sh")


def icon(size, maskable=False):
    # Maskable icons are cropped to a circle of 80% of the side: full-bleed red, the glyph inside the safe zone.
    s = 4  # supersampling
    big = size * s
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if maskable:
        d.rectangle([0, 0, big, big], fill=RED)
        glyph = int(big * 0.50)
    else:
        d.rounded_rectangle([0, 0, big - 1, big - 1], radius=int(big * 0.19), fill=RED)
        glyph = int(big * 0.66)
    f = font(glyph)
    box = d.textbbox((0, 0), "建", font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((big - w) / 2 - box[0], (big - h) / 2 - box[1]), "建", font=f, fill=(255, 255, 255, 255))
    return img.resize((size, size), Image.LANCZOS)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    icon(192).save(os.path.join(out, "icon-192.png"), optimize=True)
    icon(512).save(os.path.join(out, "icon-512.png"), optimize=True)
    icon(512, maskable=True).save(os.path.join(out, "icon-maskable-512.png"), optimize=True)
    # iOS draws its own rounded corners and shows transparency as black: full-bleed.
    icon(180, maskable=True).convert("RGB").save(os.path.join(out, "apple-touch-icon.png"), optimize=True)


if __name__ == "__main__":
    main()
