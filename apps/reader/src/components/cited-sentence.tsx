"use client";
// Keeps the cited sentence highlighted once the page is live. Without JavaScript, CSS
// :target does it; after hydration the router's history update drops :target in Chromium,
// so the sentence named by the #s-<index> fragment gets a class instead.
import { useEffect } from "react";

export function CitedSentence() {
  useEffect(() => {
    const apply = (scroll: boolean) => {
      for (const element of document.querySelectorAll(".sentence.is-cited"))
        element.classList.remove("is-cited");
      const id = /^#(s-\d+)$/.exec(window.location.hash)?.[1];
      const sentence = id ? document.getElementById(id) : null;
      if (!sentence) return;
      sentence.classList.add("is-cited");
      if (scroll) sentence.scrollIntoView({ block: "center" });
    };
    apply(false);
    const onHashChange = () => apply(true);
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return null;
}
