"""Peer for the photo benchmark: reportlab renders the peer harness's letters
JSON with one photo under each letter's list of changes, as Amends does.

Usage: PYTHONPATH=/tmp/rl python3 benches/photo_peer.py LETTERS.json PHOTO.jpg OUT.pdf
The page is drawn with reportlab's canvas and platypus, DejaVu Serif embedded;
the photo is scaled to 80 x 55 mm at most. reportlab caches a drawn image by
its file, so it is embedded once, as Amends embeds one shared photo once.
"""
import json
import sys

from reportlab.lib.pagesizes import letter as LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Frame, Image, Paragraph
from xml.sax.saxutils import escape

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def main(src, photo, out):
    data = json.load(open(src))
    pdfmetrics.registerFont(TTFont("Serif", SERIF))
    pdfmetrics.registerFont(TTFont("Serif-Bold", SERIF_BOLD))
    body = ParagraphStyle("body", fontName="Serif", fontSize=10, leading=13, spaceAfter=8)
    bold = ParagraphStyle("bold", parent=body, fontName="Serif-Bold")
    item = ParagraphStyle("item", parent=body, leftIndent=18, spaceAfter=2)
    pw, ph = ImageReader(photo).getSize()
    scale = min(80 * mm / pw, 55 * mm / ph)
    w, h = LETTER
    c = canvas.Canvas(out, pagesize=LETTER, pageCompression=1)
    co = data["company"]
    for letter in data["letters"]:
        c.setFont("Serif-Bold", 16)
        c.drawString(inch, h - 0.7 * inch, co["name"])
        c.setFont("Serif", 8.5)
        c.drawString(inch, h - 0.9 * inch, co["address"])
        text = c.beginText(inch, h - 2.2 * inch)
        text.setFont("Serif", 10, leading=12)
        for line in [letter["recipient"]] + letter["address"]:
            text.textLine(line)
        c.drawText(text)
        c.drawString(w - 2.5 * inch, h - 2.2 * inch, letter["date"])
        story = [Paragraph(escape(letter["subject"]), bold), Paragraph(escape(letter["salutation"]), body)]
        story += [Paragraph(escape(p), body) for p in letter["paragraphs"]]
        for k, ch in enumerate(letter["changes"]):
            story.append(Paragraph("\u2022 <b>%s</b> %s" % (escape(ch["date"]), escape(ch["text"])), item))
            if k == 0:
                story.append(Image(photo, width=pw * scale, height=ph * scale, hAlign="LEFT"))
        story += [Paragraph(escape(letter["closing"]), body), Paragraph(escape(letter["signer"]), bold)]
        frame = Frame(inch, 0.6 * inch, w - 2 * inch, h - 3.4 * inch, showBoundary=0)
        frame.addFromList(story, c)
        while story:
            c.showPage()
            frame = Frame(inch, 0.6 * inch, w - 2 * inch, h - 1.6 * inch, showBoundary=0)
            frame.addFromList(story, c)
        c.showPage()
    c.save()


if __name__ == "__main__":
    main(*sys.argv[1:4])
