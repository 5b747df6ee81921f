// Our own stored-XSS corpus for the security suite. Each vector, if it ever ran, would call
// `__xss(<id>)` (or alert it), and every element it could inject carries `data-xss="<id>"`,
// so a page can be checked both for execution and for markup that escaped its text.
// `§` in a template is replaced by the vector's id.

export type XssVector = { id: number; kind: XssKind; text: string };

export type XssKind =
  | "script tag"
  | "event handler"
  | "attribute breakout"
  | "url scheme"
  | "encoding"
  | "svg/mathml namespace"
  | "cdata/comment"
  | "template/style/meta"
  | "broken markup"
  | "script context"
  | "markdown"
  | "template injection";

const TEMPLATES: Record<XssKind, string[]> = {
  "script tag": [
    "<script data-xss=§>__xss(§)</script>",
    "<SCRIPT data-xss=§>__xss(§)</SCRIPT>",
    "<ScRiPt data-xss=§>__xss(§)</sCrIpT>",
    "<script/data-xss=§>__xss(§)</script>",
    "<script\ndata-xss=§>__xss(§)</script>",
    '<script data-xss=§ src="data:text/javascript,__xss(§)"></script>',
    "<scr<script data-xss=§>ipt>__xss(§)</scr</script>ipt>",
    "</title><script data-xss=§>__xss(§)</script>",
    "</textarea><script data-xss=§>__xss(§)</script>",
    '<script data-xss=§ type="module">__xss(§)</script>',
  ],
  "event handler": [
    "<img src=x onerror=__xss(§) data-xss=§>",
    '<img src="x" onerror="__xss(§)" data-xss="§">',
    "<img/src=x/onerror=__xss(§)/data-xss=§>",
    "<img src=x onerror=`__xss(§)` data-xss=§>",
    "<img\tsrc=x\tonerror=__xss(§)\tdata-xss=§>",
    "<svg onload=__xss(§) data-xss=§>",
    "<body onload=__xss(§) data-xss=§>",
    "<input autofocus onfocus=__xss(§) data-xss=§>",
    "<details open ontoggle=__xss(§) data-xss=§>",
    "<video data-xss=§><source onerror=__xss(§) data-xss=§></video>",
    "<audio src=x onerror=__xss(§) data-xss=§>",
    "<iframe onload=__xss(§) data-xss=§></iframe>",
    "<select autofocus onfocus=__xss(§) data-xss=§></select>",
    "<textarea autofocus onfocus=__xss(§) data-xss=§></textarea>",
    "<div contenteditable autofocus onfocus=__xss(§) data-xss=§>x</div>",
    "<object data=x onerror=__xss(§) data-xss=§></object>",
    "<style>@keyframes xss{}</style><b style=animation-name:xss onanimationstart=__xss(§) data-xss=§>",
    "<a onpointerover=__xss(§) data-xss=§>hover</a>",
    "<form data-xss=§ onsubmit=__xss(§)><button>go</button></form>",
    "<marquee onstart=__xss(§) data-xss=§>m</marquee>",
    "<img src=x ONERROR=__xss(§) data-xss=§>",
    "<img src=x onerror=&#95;&#95;xss(§) data-xss=§>",
  ],
  "attribute breakout": [
    '" onmouseover="__xss(§)" data-xss="§',
    "' onmouseover='__xss(§)' data-xss='§",
    '"><img src=x onerror=__xss(§) data-xss=§>',
    "'><img src=x onerror=__xss(§) data-xss=§>",
    '" autofocus onfocus="__xss(§)" data-xss="§',
    "`><img src=x onerror=__xss(§) data-xss=§>",
    '"/><svg onload=__xss(§) data-xss=§>',
    '" style="x:expression(__xss(§))" data-xss="§',
    "x onerror=__xss(§) data-xss=§",
    '"></a><img src=x onerror=__xss(§) data-xss=§>',
  ],
  "url scheme": [
    "javascript:__xss(§)//xss",
    "JaVaScRiPt:__xss(§)//xss",
    " javascript:__xss(§)//xss",
    "java\tscript:__xss(§)//xss",
    "&#106;avascript:__xss(§)//xss",
    "&#x6A;avascript:__xss(§)//xss",
    "javascript&colon;__xss(§)//xss",
    "data:text/html,<script data-xss=§>top.__xss(§)</script>",
    "data:text/html;base64,PHNjcmlwdD50b3AuX194c3MoMCk8L3NjcmlwdD4=§xss§",
    "vbscript:msgbox(§)//xss",
    '<a href="javascript:__xss(§)" data-xss=§>link</a>',
    '<a href="jav&#x09;ascript:__xss(§)" data-xss=§>link</a>',
    "<iframe src=javascript:__xss(§) data-xss=§></iframe>",
    "<form action=javascript:__xss(§) data-xss=§><button>go</button></form>",
    "<button formaction=javascript:__xss(§) data-xss=§>go</button>",
    "<embed src=javascript:__xss(§) data-xss=§>",
    "<object data=javascript:__xss(§) data-xss=§></object>",
    '<a href="data:text/html,<script>top.__xss(§)</script>" data-xss=§>d</a>',
    "<base href=javascript:__xss(§)// data-xss=§>",
    "<iframe srcdoc='&lt;script&gt;top.__xss(§)&lt;/script&gt;' data-xss=§></iframe>",
  ],
  encoding: [
    "&lt;img src=x onerror=__xss(§) data-xss=§&gt;",
    "&amp;lt;script data-xss=§&amp;gt;__xss(§)&amp;lt;/script&amp;gt;",
    "&#60;img src=x onerror=__xss(§) data-xss=§&#62;",
    "&#x3C;svg onload=__xss(§) data-xss=§&#x3E;",
    "&#60img src=x onerror=__xss(§) data-xss=§&#62",
    "\\u003cimg src=x onerror=__xss(§) data-xss=§\\u003e",
    "\\x3cscript data-xss=§\\x3e__xss(§)\\x3c/script\\x3e",
    "%3Cscript%20data-xss=§%3E__xss(§)%3C/script%3E",
    "\uFF1Cscript data-xss=§\uFF1E__xss(§)\uFF1C/script\uFF1E",
    "+ADw-script data-xss=§+AD4-__xss(§)+ADw-/script+AD4-",
    "<scr\u200Bipt data-xss=§>__xss(§)</scr\u200Bipt>",
    "\u202E>tpircs/<)§(ssx__>§=ssx-atad tpircs<",
    "<img src=x onerror=\u2028__xss(§) data-xss=§>",
    "&lt&#59;img src=x onerror=__xss(§) data-xss=§&gt&#59;",
    "<img src=x onerror=&#x5F;&#x5F;xss&#x28;§&#x29; data-xss=§>",
    "<a href=&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(§) data-xss=§>e</a>",
  ],
  "svg/mathml namespace": [
    "<svg><script data-xss=§>__xss(§)</script></svg>",
    '<svg><a xlink:href="javascript:__xss(§)" data-xss=§><text y=20>x</text></a></svg>',
    "<svg><animate onbegin=__xss(§) attributeName=x dur=1s data-xss=§>",
    '<svg><a data-xss=§><set attributeName=href to="javascript:__xss(§)"/><text y=20>x</text></a></svg>',
    "<svg><foreignObject><img src=x onerror=__xss(§) data-xss=§></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(§) data-xss=§>",
    "<svg><style><img src=x onerror=__xss(§) data-xss=§></style></svg>",
    '<math><maction actiontype=statusline xlink:href="javascript:__xss(§)" data-xss=§>m</maction></math>',
    '<noscript><p title="</noscript><img src=x onerror=__xss(§) data-xss=§>">',
    '<svg></p><style><a id="</style><img src=1 onerror=__xss(§) data-xss=§>">',
    "<math href=javascript:__xss(§) data-xss=§>m</math>",
    "<svg><image href=x onerror=__xss(§) data-xss=§></svg>",
  ],
  "cdata/comment": [
    "]]><img src=x onerror=__xss(§) data-xss=§>",
    "]]>]]><script data-xss=§>__xss(§)</script>",
    "<![CDATA[<script data-xss=§>__xss(§)</script>]]>",
    "<![CDATA[]]><svg onload=__xss(§) data-xss=§>",
    "<svg><![CDATA[><img src=x onerror=__xss(§) data-xss=§>]]></svg>",
    '<!--<img src="--><img src=x onerror=__xss(§) data-xss=§>',
    "<!--><img src=x onerror=__xss(§) data-xss=§>-->",
    "--!><img src=x onerror=__xss(§) data-xss=§>",
    "<?xml-stylesheet href=javascript:__xss(§)?><b data-xss=§>",
    '<x:script xmlns:x="http://www.w3.org/1999/xhtml" data-xss=§>__xss(§)</x:script>',
    '<script xmlns="http://www.w3.org/1999/xhtml" data-xss=§>__xss(§)</script>',
  ],
  "template/style/meta": [
    "<template data-xss=§><img src=x onerror=__xss(§)></template>",
    "<style data-xss=§>*{background:url('javascript:__xss(§)')}</style>",
    "<style data-xss=§>@import 'javascript:__xss(§)';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(§)" data-xss=§>',
    '<meta http-equiv=refresh content="0;url=data:text/html,<script>top.__xss(§)</script>" data-xss=§>',
    '<link rel=stylesheet href="javascript:__xss(§)" data-xss=§>',
    '<div style="background:url(javascript:__xss(§))" data-xss=§>s</div>',
    '<div style="behavior:url(§xss.htc)" data-xss=§>s</div>',
    "</style><script data-xss=§>__xss(§)</script>",
    "<style>*{}</style><img src=x onerror=__xss(§) data-xss=§>",
  ],
  "broken markup": [
    "<img src=x onerror=__xss(§) data-xss=§",
    "<<script data-xss=§>__xss(§)//<</script>",
    '<img """><script data-xss=§>__xss(§)</script>">',
    '<img src="x` `<script data-xss=§>__xss(§)</script>"` `>',
    "</div></div></main><script data-xss=§>__xss(§)</script>",
    '<a href=">" onclick=__xss(§) data-xss=§>b</a>',
    '<title><img src="</title><img src=x onerror=__xss(§) data-xss=§>">',
    '<noembed><img title="</noembed><img src=x onerror=__xss(§) data-xss=§>">',
    '<iframe><img title="</iframe><img src=x onerror=__xss(§) data-xss=§>"></iframe>',
    '<xmp><p title="</xmp><svg onload=__xss(§) data-xss=§>">',
    "<plaintext data-xss=§>__xss(§)",
    "<img src=x onerror=__xss(§) data-xss=§//",
    "<svg/onload=__xss(§)/data-xss=§",
    '<div id="xss§"><img src=x onerror=__xss(§) data-xss=§ <b>',
  ],
  "script context": [
    "</script><script data-xss=§>__xss(§)</script>",
    "<!--<script data-xss=§>__xss(§)</script>-->",
    '\\"};__xss(§);//xss',
    "';__xss(§);//xss",
    "\u2028__xss(§)\u2029//xss",
    "</ScRiPt><img src=x onerror=__xss(§) data-xss=§>",
    "${__xss(§)}//xss",
    '{"__proto__":{"xss":§}}',
  ],
  markdown: [
    "[xss§](javascript:__xss(§))",
    '![xss§](x" onerror="__xss(§))',
    "<javascript:__xss(§)//xss>",
    "[xss§](data:text/html,<script>top.__xss(§)</script>)",
    "[xss§][r§]\n\n[r§]: javascript:__xss(§)",
  ],
  "template injection": [
    "{{constructor.constructor('__xss(§)')()}}",
    "#{__xss(§)}//xss",
    "<%= __xss(§) %>",
    '{{#with "xss§"}}{{/with}}',
  ],
};

/** Every vector, numbered from 1, in a stable order. */
export const XSS_VECTORS: readonly XssVector[] = (Object.entries(TEMPLATES) as [XssKind, string[]][])
  .flatMap(([kind, templates]) => templates.map((template) => ({ kind, template })))
  .map(({ kind, template }, index) => ({
    id: index + 1,
    kind,
    text: template.replaceAll("§", String(index + 1)),
  }));

/**
 * Vectors joined into strings of at most `maxLength` characters (each at least one vector,
 * cut if a single vector is longer), so a length-limited field can carry the whole corpus
 * across as few items as possible.
 */
export function packVectors(maxLength: number, separator = " · "): string[] {
  const packs: string[] = [];
  let current = "";
  for (const vector of XSS_VECTORS) {
    const text = vector.text.replace(/\s+/g, " ").slice(0, maxLength);
    if (current && current.length + separator.length + text.length > maxLength) {
      packs.push(current);
      current = "";
    }
    current = current ? `${current}${separator}${text}` : text;
  }
  if (current) packs.push(current);
  return packs;
}
