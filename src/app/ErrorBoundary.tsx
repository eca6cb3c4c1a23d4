import { Component, type ReactNode } from 'react'

interface Props {
  readonly name: string
  readonly children: ReactNode
}

/** Catches a render error inside one panel, reports it, and offers to try again. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    if (this.state.error === null) return this.props.children
    return (
      <div role="alert" className="panel-error">
        <p>
          The {this.props.name} panel failed: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
