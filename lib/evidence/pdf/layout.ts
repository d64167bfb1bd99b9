// A small flowing-text layout over pdf-lib: A4 pages, wrapped lines, simple tables and a
// page footer. Standard Helvetica (no embedded font file), so text is WinAnsi only:
// anything else is replaced rather than failing the whole report.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const GREY = rgb(0.35, 0.35, 0.35);

export function winAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

export class Layout {
  private page!: PDFPage;
  private y = 0;
  private pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(title: string, createdAt: Date): Promise<Layout> {
    const doc = await PDFDocument.create();
    doc.setTitle(winAnsi(title));
    doc.setProducer("Gatehouse");
    doc.setCreator("Gatehouse evidence export");
    doc.setCreationDate(createdAt);
    doc.setModificationDate(createdAt);
    const [font, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new Layout(doc, font, bold);
  }

  private get width() {
    return A4[0] - 2 * MARGIN;
  }

  newPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  private wrap(text: string, size: number, font: PDFFont, width: number): string[] {
    const out: string[] = [];
    for (const para of winAnsi(text).split("\n")) {
      let line = "";
      for (const word of para.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  heading(text: string, size = 16) {
    this.ensure(size * 2.2);
    this.y -= size * 0.6;
    this.page.drawText(winAnsi(text), { x: MARGIN, y: this.y - size, size, font: this.bold });
    this.y -= size * 1.6;
  }

  text(text: string, opts: { size?: number; bold?: boolean; indent?: number; grey?: boolean } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text, size, font, this.width - indent)) {
      this.ensure(size * 1.35);
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y - size,
        size,
        font,
        color: opts.grey ? GREY : undefined,
      });
      this.y -= size * 1.35;
    }
  }

  gap(points = 6) {
    this.y -= points;
  }

  /** A table of short cells; columns are fractions of the text width. */
  row(cells: string[], widths: number[], opts: { bold?: boolean; size?: number } = {}) {
    const size = opts.size ?? 9;
    const font = opts.bold ? this.bold : this.font;
    const wrapped = cells.map((c, i) => this.wrap(c, size, font, widths[i]! * this.width - 4));
    const lines = Math.max(...wrapped.map((w) => w.length));
    this.ensure(lines * size * 1.3 + 2);
    let x = MARGIN;
    wrapped.forEach((cellLines, i) => {
      cellLines.forEach((l, j) =>
        this.page.drawText(l, { x, y: this.y - size - j * size * 1.3, size, font }),
      );
      x += widths[i]! * this.width;
    });
    this.y -= lines * size * 1.3 + 3;
  }

  async save(footer: string): Promise<Uint8Array> {
    this.pages.forEach((p, i) =>
      p.drawText(winAnsi(`${footer} - page ${i + 1} of ${this.pages.length}`), {
        x: MARGIN,
        y: MARGIN / 2,
        size: 8,
        font: this.font,
        color: GREY,
      }),
    );
    return this.doc.save({ useObjectStreams: true });
  }
}
