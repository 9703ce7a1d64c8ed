"use client";

import { Component, type ErrorInfo, type ReactNode } from "react";
import styles from "./states.module.css";

export interface PanelBoundaryProps {
  /** What the panel shows, for the console line: "Services", "Requests". */
  name: string;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | undefined;
}

/**
 * Catches a render exception inside one panel, so the rest of the page (and the TV) keeps drawing.
 * A class because React offers error boundaries only as class components. The fallback has the
 * Panel's error look; Retry renders the children again, which is enough when the fault was in data
 * a later refresh has replaced.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`panel "${this.props.name}" failed to render`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: undefined });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className={styles.panel} aria-label={this.props.name} data-state="error">
        <div className={styles.error}>
          <p role="alert">
            <strong>This panel failed to render:</strong> {error.message}
          </p>
          <button type="button" onClick={this.retry}>
            Retry
          </button>
        </div>
      </section>
    );
  }
}
