// Where each piece of a handout goes: which page and how far down. Pure arithmetic on heights, so the rules can be
// tried before anything is drawn:
// - pieces glued together (a heading and what follows it, a "keep together" block such as the emergency numbers,
//   the statement and the signature lines that sign it) go on one page, unless together they exceed a page;
// - a page that continues a section starts with a reminder of the section's name (a treatment's name);
// - a table row on a new page comes after its table's header row again;
// - the last page never holds fewer than three lines while the page before could give it more: the break moves
//   up to an earlier piece.

export interface Piece {
  readonly height: number;
  /** Lines of text in it, to tell a last page with too little on it. */
  readonly lines: number;
  /** Must share a page with the next piece. */
  readonly glueNext: boolean;
  /** The section it belongs to (-1: none), and whether it opens that section (its heading). */
  readonly section: number;
  readonly opensSection: boolean;
  /** A table row: the height of its table's header row, repeated when the row starts a page. */
  readonly tableHeader?: number;
}

export interface Placement {
  readonly page: number;
  readonly y: number;
  /** Draw the table's header row above it, at y minus the header's height. */
  readonly repeatHeader: boolean;
}

export interface PagePlan {
  readonly placements: readonly Placement[];
  /** Per page, the section to remind of at its top (-1: none), and where that reminder goes. */
  readonly reminders: readonly { readonly section: number; readonly y: number }[];
  readonly pages: number;
}

export interface PageFrame {
  /** Where the flow starts on the first page (below the title) and on every other page. */
  readonly firstTop: number;
  readonly top: number;
  readonly bottom: number;
  readonly reminderHeight: (section: number) => number;
}

export const MIN_LAST_PAGE_LINES = 3;

/** Runs of glued pieces: [start, end) index ranges. */
function groupsOf(pieces: readonly Piece[]): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  pieces.forEach((piece, index) => {
    if (!piece.glueNext || index === pieces.length - 1) {
      groups.push([start, index + 1]);
      start = index + 1;
    }
  });
  return groups;
}

const reminderOf = (frame: PageFrame, piece: Piece): number =>
  piece.opensSection || piece.section < 0 ? 0 : frame.reminderHeight(piece.section);

function layOut(
  pieces: readonly Piece[],
  frame: PageFrame,
  breaksBefore: ReadonlySet<number>,
): PagePlan & { lastPageLines: number; pageStarts: number[] } {
  const placements: Placement[] = [];
  const reminders: { section: number; y: number }[] = [{ section: -1, y: frame.firstTop }];
  const pageStarts = [0];
  let page = 0;
  let y = frame.firstTop;
  let lines = 0;
  const newPage = (next: Piece) => {
    page += 1;
    y = frame.top;
    lines = 0;
    pageStarts.push(placements.length);
    const section = next.opensSection ? -1 : next.section;
    reminders.push({ section, y });
    y += reminderOf(frame, next);
  };
  const startsPage = () => placements.length === pageStarts[page];
  const extra = (piece: Piece) => (startsPage() && piece.tableHeader !== undefined ? piece.tableHeader : 0);
  const place = (piece: Piece) => {
    const header = extra(piece);
    placements.push({ page, y: y + header, repeatHeader: header > 0 });
    y += header + piece.height;
    lines += piece.lines;
  };
  for (const [start, end] of groupsOf(pieces)) {
    const group = pieces.slice(start, end);
    const height = group.reduce((sum, piece) => sum + piece.height, 0) + (group[0]!.tableHeader ?? 0);
    const roomOnFreshPage = frame.bottom - frame.top - reminderOf(frame, group[0]!);
    if (!startsPage() && (breaksBefore.has(start) || (y + height > frame.bottom && height <= roomOnFreshPage))) newPage(group[0]!);
    for (const piece of group) {
      // A group taller than a page goes piece by piece.
      if (!startsPage() && y + extra(piece) + piece.height > frame.bottom) newPage(piece);
      place(piece);
    }
  }
  return { placements, reminders, pages: page + 1, lastPageLines: lines, pageStarts };
}

export function paginate(pieces: readonly Piece[], frame: PageFrame): PagePlan {
  const breaks = new Set<number>();
  let plan = layOut(pieces, frame, breaks);
  if (plan.pages < 2 || plan.lastPageLines >= MIN_LAST_PAGE_LINES) return plan;
  // Move the break up, one group at a time, until the last page has its three lines without adding a page.
  const groupStarts = new Set(groupsOf(pieces).map(([start]) => start));
  const previousStart = plan.pageStarts[plan.pages - 2]!;
  for (let start = plan.pageStarts[plan.pages - 1]! - 1; start > previousStart; start -= 1) {
    if (!groupStarts.has(start)) continue;
    const tried = layOut(pieces, frame, new Set([...breaks, start]));
    if (tried.pages === plan.pages && tried.lastPageLines >= MIN_LAST_PAGE_LINES) {
      plan = tried;
      break;
    }
  }
  return plan;
}
