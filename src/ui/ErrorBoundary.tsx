// A crash in one view must not take the library or other views with it.
import { Component, type ReactNode } from 'react';
import { appMessages } from '../core/messages';

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
          {appMessages.viewFailed(this.state.error.message)}
        </div>
      );
    }
    return this.props.children;
  }
}
