import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@dispatch/ui";
import "@dispatch/ui/styles.css";

export const metadata: Metadata = {
  title: { default: "Dispatch admin", template: "%s · Dispatch admin" },
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <SiteHeader app="Admin" home="/">
          <a href="/">Overview</a>
        </SiteHeader>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
