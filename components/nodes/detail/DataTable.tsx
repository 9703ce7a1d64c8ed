import type { ReactNode } from "react";
import styles from "./node-detail.module.css";

export interface DataTableProps {
  /** The column headings, left to right. */
  columns: readonly string[];
  /** The rows, `<tr>` each, a `<th scope="row">` first. */
  children: ReactNode;
}

/** A table of figures on the node page: a heading row of column names, then the rows. */
export function DataTable({ columns, children }: DataTableProps) {
  return (
    <table className={`${styles.table} num`}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
