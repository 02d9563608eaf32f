import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; failed: ReactNode };

/**
 * Catches a screen that failed to load or to render (a chunk that did not arrive: the network
 * dropped, or a deploy replaced the files this page was built with) and shows `failed` instead
 * of a blank page; the rest of the console (menu, sign-out) keeps working. Keyed by the address
 * where it is used, so opening another screen tries again.
 */
export class ScreenBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}
