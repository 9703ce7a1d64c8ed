import type { FilesystemSummary } from "@/lib/model/node-types";
import { FILESYSTEM_FULL_RATIO, FILLING_USED_RATIO, FILLS_WITHIN_SECONDS } from "@/lib/model/node-status";
import { formatPercent } from "@/lib/ui/format";
import { utilizationLevel } from "@/lib/ui/node-cells";
import { formatTimeToFull } from "@/lib/ui/node-format";
import { MarkIcon } from "../ResourceCellView";
import { DataTable } from "./DataTable";
import styles from "./node-detail.module.css";

export interface FilesystemsTableProps {
  filesystems: readonly FilesystemSummary[];
}

// The same two rules that make the node "saturated" or "busy", so the table shows which filesystem did.
function verdict(fs: FilesystemSummary): "full" | "filling" | null {
  if (fs.usedRatio === null) return null;
  if (fs.usedRatio >= FILESYSTEM_FULL_RATIO) return "full";
  if (
    fs.usedRatio >= FILLING_USED_RATIO &&
    fs.timeToFullSeconds !== null &&
    fs.timeToFullSeconds < FILLS_WITHIN_SECONDS
  )
    return "filling";
  return null;
}

/** Mounted filesystems, fullest first: how full, and when full at the rate of the last 6 h. */
export function FilesystemsTable({ filesystems }: FilesystemsTableProps) {
  const rows = [...filesystems].sort(
    (a, b) => (b.usedRatio ?? -1) - (a.usedRatio ?? -1) || a.mountpoint.localeCompare(b.mountpoint),
  );
  return (
    <DataTable columns={["Mountpoint", "Device", "Used", "Full (at the last 6 h’s rate)"]}>
      {rows.map((fs) => {
        const v = verdict(fs);
        const level = utilizationLevel(fs.usedRatio);
        return (
          <tr key={`${fs.mountpoint}|${fs.device}`} data-verdict={v ?? undefined}>
            <th scope="row">{fs.mountpoint}</th>
            <td className={styles.device}>{fs.device}</td>
            <td>
              <span className={styles.usedBar} aria-hidden="true">
                <span
                  style={{
                    width: `${Math.min(1, fs.usedRatio ?? 0) * 100}%`,
                    background: level === null ? undefined : `var(--use-${level})`,
                  }}
                />
              </span>
              {formatPercent(fs.usedRatio)}
            </td>
            <td>
              {formatTimeToFull(fs.timeToFullSeconds)}
              {v && (
                <span className={styles.fsVerdict}>
                  <MarkIcon mark="saturated" /> {v}
                </span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
