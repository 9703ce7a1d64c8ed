import { useEffect, useLayoutEffect, useRef, useState } from "react";

/**
 * How many rows of a list whose other parts (headers, legends, summaries) are not known here fit
 * in a box that never scrolls: it shows all, then drops or adds rows by the overflow or spare room
 * measured after layout, until the content fits. `rowSelector` finds one row inside the box;
 * `content` is the data drawn, whose change may change the other parts' height.
 */
export function useShrinkToFit<T extends HTMLElement>(total: number, rowSelector: string, content: unknown) {
  const ref = useRef<T>(null);
  // null: not measured yet, show all.
  const [count, setCount] = useState<number | null>(null);
  const [box, setBox] = useState({ height: 0, fontPx: 0 });
  // The last row height seen, for when no row is on screen to measure.
  const rowPx = useRef(0);
  // The fewest rows seen to overflow since the box or the content last changed. Rows are not all
  // alike in cost (the first one brings a legend), so without this, adding rows by the spare room
  // and dropping them by the overflow could go back and forth for ever.
  const tooMany = useRef<number | null>(null);
  const shown = count === null ? total : Math.min(count, total);
  useLayoutEffect(() => {
    tooMany.current = null;
  }, [box, content, total]);
  useLayoutEffect(() => {
    const el = ref.current;
    const inner = el?.firstElementChild;
    if (!el || !inner) return;
    const row = el.querySelector(rowSelector);
    if (row) rowPx.current = row.getBoundingClientRect().height;
    const spare = el.getBoundingClientRect().height - inner.getBoundingClientRect().height;
    if (spare < -0.5 && shown > 0) {
      tooMany.current = Math.min(tooMany.current ?? shown, shown);
      setCount(Math.max(0, shown - Math.max(1, Math.ceil(-spare / Math.max(rowPx.current, 1)))));
      return;
    }
    if (shown >= total || spare <= 0) return;
    let next = rowPx.current > 0 ? shown + Math.floor(spare / rowPx.current) : shown + 1;
    if (tooMany.current !== null) next = Math.min(next, tooMany.current - 1);
    if (next > shown) setCount(next);
  }, [rowSelector, shown, total, content, box]);
  // A new box size (window, banner) or type size (the screen's width) measures again.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setBox({ height: el.clientHeight, fontPx: Number.parseFloat(getComputedStyle(el).fontSize) || 0 }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, shown };
}
