// The masthead both apps share: the name, what this app is, and its main links.
import type { ReactNode } from "react";

export function SiteHeader(props: { app: string; home: string; children?: ReactNode }) {
  return (
    <header className="site-header">
      <a className="site-header__brand" href={props.home}>
        Dispatch <span className="site-header__app">{props.app}</span>
      </a>
      <nav className="site-header__nav" aria-label="Main">
        {props.children}
      </nav>
    </header>
  );
}
