// A crash in one view must not take the library or other views with it.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="banner problem" role="alert">
          This view failed to draw ({this.state.error.message}). Your library is intact: pick
          another survey or question on the left.
        </div>
      );
    }
    return this.props.children;
  }
}
