// The admin's table: a scrolling wrapper, an optional caption for screen readers, the column
// headings and the rows the page renders. No hooks, so server and client components share it.
import type { ReactNode } from "react";

export type Column = {
  /** The heading; `hidden` keeps it for screen readers only (e.g. a column of buttons). */
  label: string;
  hidden?: boolean;
  /** `num` right-aligns figures. */
  className?: string;
};

export function DataTable(props: {
  columns: Column[];
  caption?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={props.className ? `data-table ${props.className}` : "data-table"}>
        {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.label} scope="col" className={column.className}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
