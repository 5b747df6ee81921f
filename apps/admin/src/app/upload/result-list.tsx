// What happened to each uploaded item (stored, duplicate, rejected) with a link to the story or
// to the story it duplicates. Used by the upload form and by an upload's page in the history.
import Link from "next/link";

export function ResultList({
  items,
}: {
  items: {
    item: string;
    title: string | null;
    status: string;
    message: string;
    storyId: string | null;
    duplicateOfId: string | null;
  }[];
}) {
  return (
    <ul className="result-list">
      {items.map((item, index) => (
        <li
          key={`${item.item}-${index}`}
          className={`result-item result-item--${item.status}`}
          data-status={item.status}
        >
          <span className={`status status--${item.status}`}>{item.status}</span>
          <div>
            <div>
              {item.storyId ? (
                <Link href={`/stories/${item.storyId}`}>{item.title ?? item.item}</Link>
              ) : (
                <strong>{item.title ?? item.item}</strong>
              )}{" "}
              <span className="meta-inline cell-mono">{item.item}</span>
            </div>
            <div className="result-item__message">
              {item.message}
              {item.duplicateOfId ? (
                <>
                  {" "}
                  <Link href={`/stories/${item.duplicateOfId}`}>Open the existing story</Link>
                </>
              ) : null}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
