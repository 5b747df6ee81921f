import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@dispatch/ui";
import "@dispatch/ui/styles.css";

export const metadata: Metadata = {
  title: { default: "Dispatch", template: "%s · Dispatch" },
  description: "Briefings on the news: what happened across every story, with every sentence traced to its source.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <SiteHeader app="Briefings" home="/">
          <a href="/">Topics</a>
        </SiteHeader>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
