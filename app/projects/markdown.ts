import MarkdownIt from "markdown-it";

/**
 * An artifact's Markdown as HTML (DOMAIN.md: no raw HTML; links only http:,
 * https:, mailto:). Browser-safe on purpose: the artifact page renders it on
 * the server, and its editor's preview renders the same text with the same
 * function in the browser, so the preview is what saving will show. The
 * library loads with the artifact route's chunk only.
 *
 * - `html: false`: raw HTML in the source is text (escaped), never markup.
 * - Links pass an allow-list, not the library's deny-list: absolute http(s)
 *   URLs and mailto: only. Relative links ("/x", "#y", "//host") are dropped
 *   too: an artifact is a deliverable read outside the app as well, where a
 *   link relative to it points nowhere. A dropped link stays as its text.
 * - Images are off: the page's CSP (img-src 'self' data:) would block a
 *   remote one and log an error, and a data: URL is refused as a link anyway.
 *   `![alt](url)` then reads as "!" and a link to the image.
 * - Headings move down two levels (# is an <h3>, capped at <h6>): the
 *   content sits under the page's <h1> (the customer) and <h2> (the
 *   artifact's title), and its outline continues theirs.
 */

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

/** True for the URLs a rendered link may point at; markdown-it hands it the URL decoded and re-encoded. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.disable("image");
md.validateLink = isAllowedLink;

/** How many levels an artifact's headings move down. */
export const HEADING_SHIFT = 2;

md.core.ruler.push("shift_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
  }
});

const renderToken = md.renderer.renderToken.bind(md.renderer);
// A link in a customer's deliverable leads off the app: no referrer, and no
// endorsement for search engines.
md.renderer.rules.link_open = (tokens, index, options) => {
  tokens[index]!.attrSet("rel", "nofollow noopener noreferrer");
  return renderToken(tokens, index, options);
};

/** The HTML of `source`, safe to insert as is (every tag in it is one markdown-it writes). */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
