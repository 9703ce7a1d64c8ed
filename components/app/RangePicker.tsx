"use client";

import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { RANGE_PRESETS, activePreset, isTimeText, withPreset, type ViewState } from "@/lib/ui/url-state";
import styles from "./app.module.css";

export interface RangePickerProps {
  view: ViewState;
  onChange: (next: ViewState) => void;
}

/** Range presets as toggle buttons, and a custom from/to in Grafana syntax (now-2h, RFC 3339, epoch ms). */
export function RangePicker({ view, onChange }: RangePickerProps) {
  const [open, setOpen] = useState(false);
  const active = activePreset(view);
  const formId = useId();
  return (
    <div className={styles.range}>
      <div role="group" aria-label="Time range" className={styles.segmented}>
        {RANGE_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={active === p.id}
            aria-label={`Last ${p.label}`}
            onClick={() => onChange(withPreset(view, p.id))}
          >
            {p.label}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={active === null}
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
          onClick={() => setOpen(!open)}
        >
          Custom
        </button>
      </div>
      {open && (
        <CustomRange
          id={formId}
          view={view}
          onApply={(from, to) => {
            setOpen(false);
            onChange({ ...view, from, to, at: null });
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}

interface CustomRangeProps {
  id: string;
  view: ViewState;
  onApply: (from: string, to: string) => void;
  onCancel: () => void;
}

function CustomRange({ id, view, onApply, onCancel }: CustomRangeProps) {
  const [from, setFrom] = useState(view.from ?? "now-1h");
  const [to, setTo] = useState(view.to ?? "now");
  const fromOk = isTimeText(from.trim());
  const toOk = isTimeText(to.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (fromOk && toOk) onApply(from.trim(), to.trim());
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === "Escape") onCancel();
  };
  return (
    <form id={id} className={styles.popover} onSubmit={submit} onKeyDown={escape} aria-label="Custom time range">
      <label>
        From
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={!fromOk}
          autoFocus
          spellCheck={false}
        />
      </label>
      <label>
        To
        <input value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!toOk} spellCheck={false} />
      </label>
      <p className={styles.hint}>now-2h · 2025-11-22T08:00:00Z · unix seconds or ms</p>
      <div className={styles.actions}>
        <button type="submit" disabled={!fromOk || !toOk}>
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
