import { renderMarkdown } from "../markdown";

// No typography plugin here: the few elements Markdown writes get their look
// from the wrapper, so the rendered content needs no classes of its own.
const MARKDOWN_CLASS = [
  "min-w-0 space-y-3 text-sm leading-6 text-slate-800 wrap-anywhere",
  "[&_h3]:text-lg [&_h3]:font-bold [&_h4]:text-base [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold [&_h6]:text-slate-700",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
  "[&_a]:text-indigo-700 [&_a]:underline [&_a]:decoration-indigo-300 [&_a]:underline-offset-2",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_table]:block [&_table]:overflow-x-auto [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_td]:border [&_td]:border-slate-200 [&_td]:px-2",
  "[&_hr]:border-slate-200",
].join(" ");

/**
 * An artifact's content, rendered. The HTML comes from renderMarkdown only,
 * which writes no raw HTML and no link but http(s) and mailto (see
 * ../markdown), so inserting it as HTML is what it is made for.
 */
export function MarkdownContent({ source, empty = "No content yet.", id }: { source: string; empty?: string; id?: string }) {
  if (!source.trim()) return <p id={id} className="text-sm text-slate-500 italic">{empty}</p>;
  return <div id={id} className={MARKDOWN_CLASS} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
