import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteHeader } from "@dispatch/ui";
import "@dispatch/ui/styles.css";
import { AccountNav } from "~/components/account-nav";
import { KeyboardShortcuts } from "~/components/keyboard-shortcuts";
import { siteName, siteUrl } from "~/server/site";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  title: { default: "Dispatch — news briefings", template: "%s · Dispatch" },
  description:
    "Briefings on the news: what happened across every story, with every sentence traced to its source.",
  openGraph: { siteName, type: "website", locale: "en_GB" },
  alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: "Dispatch: latest stories" }] } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#151515" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the Content-Security-Policy's nonce (src/proxy.ts) is new each time,
  // and Next can only put it on the scripts of a page it renders now.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader app="Briefings" home="/">
          <a href="/#topics-heading">Topics</a>
          <a href="/search">Search</a>
          <a href="/about">About</a>
          <AccountNav />
          <form className="site-search" action="/search" method="get" role="search">
            <label htmlFor="site-search" className="visually-hidden">
              Search stories
            </label>
            <input id="site-search" name="q" type="search" placeholder="Search stories" autoComplete="off" />
            <button type="submit" className="site-search__button">
              Search
            </button>
          </form>
        </SiteHeader>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Dispatch briefings are built from the stories listed on each page; every point links to the
            sentence it comes from.
          </p>
          {/* A div, not a p: the shortcuts dialog holds a <dl>, which a <p> may not contain
              (the browser would re-nest it and React's hydration would fail). */}
          <div className="site-footer__links">
            <a href="/feed.xml">RSS: latest stories</a> · <a href="/about">How briefings work</a> ·{" "}
            <a href="/developers">Developers: API and feeds</a> · <KeyboardShortcuts />
          </div>
        </footer>
      </body>
    </html>
  );
}
