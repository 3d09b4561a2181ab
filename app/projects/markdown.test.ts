import { describe, expect, it } from "vitest";
import { NASTY_STRINGS } from "../../tests/property/arbitraries";
import { isAllowedLink, renderMarkdown } from "./markdown";

/** Every tag the renderer wrote, by name. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((match) => match[1]!.toLowerCase());
}

/** Every href the renderer wrote. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((match) => match[1]!);
}

// What Markdown can produce; anything else in the output came from the source.
const MARKDOWN_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre", "a", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "s"]);

// The attributes markdown-it writes (a fence's language, a list's start, a
// table cell's alignment); an event handler or a src would have come from the source.
const MARKDOWN_ATTRIBUTES = new Set(["href", "rel", "title", "class", "start", "style"]);

/** Every attribute name inside the tags the renderer wrote (attribute values are escaped, so a tag ends at its ">"). */
function attributes(html: string): string[] {
  return [...html.matchAll(/<[a-z][a-z0-9]*((?:\s[^>]*)?)>/gi)].flatMap((match) => [...match[1]!.matchAll(/\s([^\s=]+)=/g)].map((attr) => attr[1]!.toLowerCase()));
}

/** No markup but Markdown's, no event handler, no URL but the allowed ones. */
function expectInert(html: string) {
  for (const tag of tags(html)) expect(MARKDOWN_TAGS, `unexpected <${tag}> in ${html}`).toContain(tag);
  for (const attribute of attributes(html)) expect(MARKDOWN_ATTRIBUTES, `unexpected ${attribute}= in ${html}`).toContain(attribute);
  for (const href of hrefs(html)) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
}

const PAYLOADS = [
  ...NASTY_STRINGS.filter((value) => /[<:]/.test(value)),
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<svg/onload=alert(1)>",
  "<iframe src=\"https://evil.example\"></iframe>",
  "<style>body{display:none}</style>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click](java&#x09;script:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](file:///etc/passwd)",
  "[click](<javascript:alert(1)>)",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "![x](javascript:alert(1))",
  "![x](https://tracker.example/pixel.gif)",
  '[x](https://ok.example "title" onmouseover="alert(1)")',
  '[x](https://ok.example"onmouseover="alert(1))',
  "<javascript:alert(1)>",
  "javascript:alert(1) www.example.com",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "<!-- comment --><b>bold</b>",
  "**<u>x</u>**",
];

describe("renderMarkdown", () => {
  it.each(PAYLOADS)("keeps %j inert", (payload) => {
    expectInert(renderMarkdown(payload));
  });

  it("escapes raw HTML as text", () => {
    expect(renderMarkdown("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(renderMarkdown('<img src=x onerror="alert(1)">')).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it.each(["javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<b>x</b>", "/customers", "#top", "//evil.example/x", "ftp://files.example/x"])(
    "drops a link to %s, keeping its text",
    (url) => {
      const html = renderMarkdown(`[the text](${url})`);
      expect(hrefs(html)).toEqual([]);
      expect(html).toContain("the text");
    },
  );

  it.each(["https://acme.example/brief?x=1", "http://acme.example", "mailto:maya@example.com", "HTTPS://ACME.EXAMPLE"])("keeps a link to %s", (url) => {
    const html = renderMarkdown(`[the text](${url})`);
    expect(hrefs(html)).toEqual([url.replace("&", "&amp;")]);
    expect(html).toContain('rel="nofollow noopener noreferrer"');
  });

  it("turns a bare web address into a link", () => {
    expect(hrefs(renderMarkdown("See https://acme.example/brief."))).toEqual(["https://acme.example/brief"]);
  });

  it("renders headings, lists, code, emphasis and links", () => {
    const html = renderMarkdown(
      ["# Brand guide", "", "## Colours", "", "- **Primary**: indigo", "- _Accent_: amber", "", "1. One", "2. Two", "", "Use `rgb()` here:", "", "```", "const x = 1 < 2;", "```", "", "> Quoted", "", "[Site](https://acme.example)"].join("\n"),
    );
    expect(html).toContain("<h3>Brand guide</h3>");
    expect(html).toContain("<h4>Colours</h4>");
    expect(html).toContain("<ul>\n<li><strong>Primary</strong>: indigo</li>\n<li><em>Accent</em>: amber</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>One</li>\n<li>Two</li>\n</ol>");
    expect(html).toContain("<code>rgb()</code>");
    expect(html).toContain("<pre><code>const x = 1 &lt; 2;\n</code></pre>");
    expect(html).toContain("<blockquote>\n<p>Quoted</p>\n</blockquote>");
    expect(html).toContain('<a href="https://acme.example" rel="nofollow noopener noreferrer">Site</a>');
  });

  it("moves headings down two levels, to <h6> at most", () => {
    expect(renderMarkdown("# One\n\n#### Four\n\n###### Six")).toBe("<h3>One</h3>\n<h6>Four</h6>\n<h6>Six</h6>\n");
    expect(renderMarkdown("Title\n=====")).toBe("<h3>Title</h3>\n");
  });

  it("renders an image as a link to it (images are off)", () => {
    const html = renderMarkdown("![Logo](https://acme.example/logo.png)");
    expect(tags(html)).not.toContain("img");
    expect(hrefs(html)).toEqual(["https://acme.example/logo.png"]);
  });

  it("renders nothing for empty content", () => {
    expect(renderMarkdown("")).toBe("");
  });
});

describe("isAllowedLink", () => {
  it.each([
    ["https://a.example", true],
    ["http://a.example", true],
    ["mailto:a@b.example", true],
    [" https://a.example", true],
    ["https:a.example", false],
    ["javascript:alert(1)", false],
    ["java%09script:alert(1)", false],
    ["data:text/html,x", false],
    ["/relative", false],
    ["", false],
  ])("%j → %s", (url, allowed) => {
    expect(isAllowedLink(url)).toBe(allowed);
  });
});
