import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@dispatch/ui/styles.css";
import { AdminHeader } from "~/components/admin-header";
import { getCurrentUser } from "~/server/context";
import { TRPCReactProvider } from "~/trpc/react";

export const metadata: Metadata = {
  title: { default: "Dispatch admin", template: "%s · Dispatch admin" },
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AdminHeader user={user} />
        <TRPCReactProvider>
          <main id="main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
