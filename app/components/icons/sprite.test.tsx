import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { render } from "@testing-library/react";
import {
  AlertCircle, AlertTriangle, Archive, ArchiveRestore, ArrowLeft, ArrowRightLeft, Ban, Banknote, CalendarClock, CalendarPlus, CheckCircle2, CircleDashed, CircleDot, Clock, CornerDownRight, Download, Eye, FileEdit, FileText, FolderKanban, History, Info, Lightbulb, Link2, LogOut, Mail, Menu, PauseCircle, Pencil, Phone, PieChart, Play, PlayCircle, Plus, Printer, Receipt, RefreshCw, RotateCcw, Search, Send, StickyNote, Trash2, Undo2, UserCog, UserPlus, Users, Wallet, X, XCircle,
  type LucideIcon,
} from "lucide-react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Icon, ICON_NAMES, type IconName } from "./Icon";

const SOURCES: Record<IconName, LucideIcon> = {
  "alert-circle": AlertCircle,
  "alert-triangle": AlertTriangle,
  archive: Archive,
  "archive-restore": ArchiveRestore,
  "arrow-left": ArrowLeft,
  "arrow-right-left": ArrowRightLeft,
  ban: Ban,
  banknote: Banknote,
  "calendar-clock": CalendarClock,
  "calendar-plus": CalendarPlus,
  "check-circle-2": CheckCircle2,
  "circle-dashed": CircleDashed,
  "circle-dot": CircleDot,
  clock: Clock,
  "corner-down-right": CornerDownRight,
  download: Download,
  eye: Eye,
  "file-edit": FileEdit,
  "file-text": FileText,
  "folder-kanban": FolderKanban,
  history: History,
  info: Info,
  lightbulb: Lightbulb,
  "link-2": Link2,
  "log-out": LogOut,
  mail: Mail,
  menu: Menu,
  "pause-circle": PauseCircle,
  pencil: Pencil,
  phone: Phone,
  "pie-chart": PieChart,
  play: Play,
  "play-circle": PlayCircle,
  plus: Plus,
  printer: Printer,
  receipt: Receipt,
  "refresh-cw": RefreshCw,
  "rotate-ccw": RotateCcw,
  search: Search,
  send: Send,
  "sticky-note": StickyNote,
  "trash-2": Trash2,
  "undo-2": Undo2,
  "user-cog": UserCog,
  "user-plus": UserPlus,
  users: Users,
  wallet: Wallet,
  x: X,
  "x-circle": XCircle,
};

const SPRITE_PATH = path.join(import.meta.dirname, "sprite.svg");

// Lucide's stroke style, on each symbol: a page's <use> of an external file
// clones the symbol alone, so the file's root <svg> would pass nothing on.
const STROKE = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

/** Lucide's shapes of each icon as <symbol>s, with the stroke style its <svg> carries. */
function spriteFromLucide(): string {
  const symbols = ICON_NAMES.map((name) => {
    const Source = SOURCES[name];
    const shapes = renderToStaticMarkup(<Source />).replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "");
    return `<symbol id="${name}" viewBox="0 0 24 24" ${STROKE}>${shapes}</symbol>`;
  });
  return [
    '<svg xmlns="http://www.w3.org/2000/svg">',
    ...symbols,
    "</svg>",
    "",
  ].join("\n");
}

describe("the icon sprite", () => {
  // After a Lucide upgrade or a new icon: UPDATE_ICON_SPRITE=1 npx vitest run app/components/icons
  if (process.env.UPDATE_ICON_SPRITE) writeFileSync(SPRITE_PATH, spriteFromLucide());

  it("holds exactly Lucide's shapes for every icon name", () => {
    expect(readFileSync(SPRITE_PATH, "utf8")).toBe(spriteFromLucide());
  });

  it("draws an icon as a reference into the sprite, hidden from assistive tech", () => {
    const { container } = render(<Icon name="clock" className="h-4 w-4" />);
    const svg = container.querySelector("svg");
    expect(svg).toHaveAttribute("aria-hidden", "true");
    expect(svg).toHaveAttribute("class", "h-4 w-4");
    expect(svg?.querySelector("use")?.getAttribute("href")).toMatch(/#clock$/);
  });
});
