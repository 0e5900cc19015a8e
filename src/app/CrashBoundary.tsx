import React from 'react';

/** A render error must not become Ink's stack-trace screen: hand it to the one exit path instead. */
export class CrashBoundary extends React.Component<
  { onCrash: (error: unknown) => void; children: React.ReactNode },
  { crashed: boolean }
> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }

  override render(): React.ReactNode {
    return this.state.crashed ? null : this.props.children;
  }
}
